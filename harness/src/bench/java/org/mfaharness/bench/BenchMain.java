package org.mfaharness.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link VerdictThroughput} (JMH options from the command line override the annotations, e.g. {@code -prof gc},
 * {@code -i 10}; a benchmark name such as {@code jwtVerdict} runs only that one) and prints the verdict rates beside the raw RS256 verify rate measured in the same run, with the
 * ratios and the targets: JWT verdicts at least half the raw verify rate, SAML at least 2,000 verdicts/s.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder b = new OptionsBuilder();
        if (cli.getIncludes().isEmpty()) {
            b.include(VerdictThroughput.class.getName() + ".*");
        }
        Options opts = b.parent(cli).build();
        Collection<RunResult> results = new Runner(opts).run();
        Map<String, Result<?>> byName = new HashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            byName.put(label.substring(label.lastIndexOf('.') + 1), r.getPrimaryResult());
        }
        Result<?> raw = byName.get("rawRs256Verify");
        Result<?> jwt = byName.get("jwtVerdict");
        Result<?> saml = byName.get("samlVerdict");
        System.out.println();
        System.out.println("mfa-harness verdict throughput (one thread; " + Runtime.getRuntime().availableProcessors() + " CPUs; "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ")");
        System.out.printf("%-34s %14s %12s %10s  %s%n", "benchmark", "ops/s", "error", "vs raw", "target");
        row("JWT verdicts (RS256, Entra v1 AT)", jwt, raw, jwt == null || raw == null ? ""
                : (jwt.getScore() >= 0.5 * raw.getScore() ? "met" : "MISSED") + " (>= 50 % of raw)");
        row("SAML 1.1 RSTR verdicts", saml, raw, saml == null ? "" : (saml.getScore() >= 2_000 ? "met" : "MISSED") + " (>= 2,000/s)");
        row("raw RS256 Signature.verify", raw, raw, "");
    }

    private static void row(String name, Result<?> r, Result<?> raw, String target) {
        if (r == null) {
            return;
        }
        String ratio = raw == null ? "" : String.format("%.1f %%", 100 * r.getScore() / raw.getScore());
        System.out.printf("%-34s %14.0f %12s %10s  %s%n", name, r.getScore(),
                Double.isNaN(r.getScoreError()) ? "" : String.format("± %.0f", r.getScoreError()), ratio, target);
    }
}
