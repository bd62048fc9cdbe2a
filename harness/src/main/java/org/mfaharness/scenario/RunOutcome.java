package org.mfaharness.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.mfaharness.verify.chain.ChainJudgement;

/**
 * What running one scenario gave.
 *
 * @param scenario   the scenario
 * @param judgement  the chain judgement of everything captured
 * @param mismatches how the run differed from the scenario's expectation (empty: met)
 * @param runDir     the run folder
 * @param flowError  why the token flow stopped early (an AADSTS page, a timeout), or null
 * @param took       how long it took
 */
public record RunOutcome(Scenario scenario, ChainJudgement judgement, List<String> mismatches, Path runDir, String flowError,
                         Duration took) {
    public RunOutcome {
        mismatches = List.copyOf(mismatches);
    }

    /** Whether the run met the scenario's expectation. */
    public boolean met() {
        return mismatches.isEmpty();
    }
}
