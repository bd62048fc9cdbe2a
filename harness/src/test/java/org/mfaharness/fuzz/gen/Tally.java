package org.mfaharness.fuzz.gen;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts how often each value of a label came up during a property, to print after it (a check on the generators'
 * distribution, not an assertion).
 */
public final class Tally {
    private final String label;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    public Tally(String label) {
        this.label = label;
    }

    public synchronized void add(Object value) {
        counts.merge(String.valueOf(value), 1, Integer::sum);
    }

    public synchronized int count(Object value) {
        return counts.getOrDefault(String.valueOf(value), 0);
    }

    public synchronized int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Prints the counts, most frequent first, to standard output (the test's output file under Surefire). */
    public void print() {
        System.out.print(this);
    }

    @Override
    public synchronized String toString() {
        int total = total();
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder b = new StringBuilder(String.format("  %s (%d):%n", label, total));
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> b.append(String.format("    %-" + Math.max(1, width) + "s (%5d) : %6.2f %%%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total))));
        return b.toString();
    }
}
