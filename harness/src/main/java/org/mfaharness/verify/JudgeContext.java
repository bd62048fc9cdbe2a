package org.mfaharness.verify;

import java.time.Instant;

/** What a check may consult besides its subject: the options and the correlated requests. Immutable. */
public record JudgeContext(JudgeOptions options, Correlation correlation) {

    public static JudgeContext of(JudgeOptions options) {
        return new JudgeContext(options, Correlation.none());
    }

    public Instant at() {
        return options.at();
    }
}
