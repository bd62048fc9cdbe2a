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

    /** Whether {@code validFrom} is still ahead of the evaluation time by more than the allowed clock skew. */
    public boolean notYet(Instant validFrom) {
        return at().plus(options.clockSkew()).isBefore(validFrom);
    }

    /** Whether the evaluation time has reached {@code validUntil} plus the allowed clock skew. */
    public boolean over(Instant validUntil) {
        return !at().isBefore(validUntil.plus(options.clockSkew()));
    }
}
