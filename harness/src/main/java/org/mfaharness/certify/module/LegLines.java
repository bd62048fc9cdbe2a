package org.mfaharness.certify.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-sign-in sentences, merged when several sign-ins say the same thing ("no-step-up, step-up: …"). Not thread-safe. */
final class LegLines {
    private final Map<String, List<String>> byMessage = new LinkedHashMap<>();

    void add(String leg, String message) {
        List<String> legs = byMessage.computeIfAbsent(message, k -> new ArrayList<>());
        if (leg != null && !legs.contains(leg)) {
            legs.add(leg);
        }
    }

    boolean isEmpty() {
        return byMessage.isEmpty();
    }

    @Override
    public String toString() {
        List<String> out = new ArrayList<>();
        byMessage.forEach((m, legs) -> out.add(legs.isEmpty() ? m : String.join(", ", legs) + ": " + m));
        return String.join(" ", out);
    }
}
