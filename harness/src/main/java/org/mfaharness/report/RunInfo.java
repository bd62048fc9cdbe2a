package org.mfaharness.report;

import java.time.Instant;

/**
 * What a run folder says about the run itself.
 *
 * @param name        the run's name (scenario name, input file name…), used in the folder name
 * @param mode        {@code inspect}, {@code proxy}, {@code lab}, {@code run} or {@code certify}
 * @param cloud       the cloud profile name
 * @param tenant      the partner tenant, or null
 * @param scenario    the scenario file or built-in scenario, or null
 * @param startedAt   when the run started
 * @param finishedAt  when it finished
 * @param evaluatedAt the evaluation time of the judgement ({@code --at})
 * @param redaction   {@code default}, {@code share} or {@code raw}
 */
public record RunInfo(String name, String mode, String cloud, String tenant, String scenario, Instant startedAt,
                      Instant finishedAt, Instant evaluatedAt, String redaction) {
    /**
     * The tenant id the run's tokens were judged against, or null: the {@code --tenant} of {@code inspect} and
     * {@code proxy}. A scenario's tenant names the authority segment (a domain or {@code organizations} as often as an
     * id), so it was never a check and is not one when the run is re-judged.
     */
    public String judgedTenant() {
        return "inspect".equals(mode) || "proxy".equals(mode) ? tenant : null;
    }
}
