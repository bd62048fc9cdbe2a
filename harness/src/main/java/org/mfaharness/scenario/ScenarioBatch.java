package org.mfaharness.scenario;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs several scenarios, {@code parallel} at a time (one proxy and one browser each), after resolving every
 * scenario's secrets first so a missing one stops the batch before any browser starts. Outcomes keep the input order.
 */
public final class ScenarioBatch {
    private ScenarioBatch() {
    }

    /**
     * An outcome, or the reason a scenario could not run at all.
     *
     * @param scenario the scenario
     * @param outcome  its outcome, or null when it crashed
     * @param crash    why it could not run, or null
     */
    public record Result(Scenario scenario, RunOutcome outcome, String crash) {
        public boolean met() {
            return outcome != null && outcome.met();
        }
    }

    /** Resolves every scenario's user; the first missing secret or invalid reference is thrown. */
    public static List<ResolvedUser> resolveAll(ScenarioRunner runner, List<Scenario> scenarios, Map<String, String> env)
            throws ScenarioException {
        List<ResolvedUser> users = new ArrayList<>();
        for (Scenario s : scenarios) {
            users.add(runner.resolve(s, env));
        }
        return users;
    }

    public static List<Result> run(ScenarioRunner runner, List<Scenario> scenarios, List<ResolvedUser> users, int parallel)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, scenarios.size())), r -> {
            Thread t = new Thread(r, "scenario");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                ResolvedUser u = users.get(i);
                futures.add(pool.submit(() -> runner.run(s, u)));
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                try {
                    results.add(new Result(scenarios.get(i), futures.get(i).get(), null));
                } catch (ExecutionException e) {
                    Throwable c = e.getCause() == null ? e : e.getCause();
                    String why = c instanceof IOException ? "cannot write its run folder: " + c.getMessage()
                            : c.getClass().getSimpleName() + ": " + ScenarioRunner.oneLine(c.getMessage());
                    results.add(new Result(scenarios.get(i), null, why));
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The total time of the outcomes that ran. */
    public static Duration total(List<Result> results) {
        return results.stream().filter(r -> r.outcome() != null).map(r -> r.outcome().took()).reduce(Duration.ZERO, Duration::plus);
    }
}
