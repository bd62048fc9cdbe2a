package org.mfaharness.proxy.har;

import java.nio.file.Path;
import org.mfaharness.proxy.exchange.Exchange;

/** Child-JVM entry point for the big-HAR test: reads a HAR streaming and prints what it saw. Not a test. */
public final class HarCountMain {
    private HarCountMain() {
    }

    public static void main(String[] args) throws Exception {
        long count = 0;
        long bytes = 0;
        long maxUsed = 0;
        Runtime rt = Runtime.getRuntime();
        try (HarReader r = HarReader.open(Path.of(args[0]))) {
            while (r.hasNext()) {
                Exchange e = r.next();
                count++;
                bytes += e.responseBody().capturedLength();
                if (count % 50 == 0) {
                    maxUsed = Math.max(maxUsed, rt.totalMemory() - rt.freeMemory());
                }
            }
            System.out.println("COUNT " + count + " BYTES " + bytes + " MAXHEAP " + rt.maxMemory() + " USED " + maxUsed
                    + " PROBLEM " + r.problem().orElse("none"));
        }
    }
}
