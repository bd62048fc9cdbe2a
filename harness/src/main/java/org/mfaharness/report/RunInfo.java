package org.mfaharness.report;

import java.time.Instant;

/**
 * What a run folder says about the run itself.
 *
 * @param name        the run's name (scenario name, input file name…), used in the folder name
 * @param mode        {@code inspect}, {@code proxy}, {@code lab}, {@code run} or {@code certify}
 * @param cloud       the cloud profile name
 * @param tenant      the partner tenant as the run named it (a scenario's authority segment, or --tenant), or null
 * @param checkedTenant the tenant id the tokens were judged against ({@code --tenant}; TOKEN_TENANT_MISMATCH), or null
 * @param scenario    the scenario file or built-in scenario, or null
 * @param startedAt   when the run started
 * @param finishedAt  when it finished
 * @param evaluatedAt the evaluation time of the judgement ({@code --at})
 * @param redaction   {@code default}, {@code share} or {@code raw}
 */
public record RunInfo(String name, String mode, String cloud, String tenant, String checkedTenant, String scenario,
                      Instant startedAt, Instant finishedAt, Instant evaluatedAt, String redaction) {
}
