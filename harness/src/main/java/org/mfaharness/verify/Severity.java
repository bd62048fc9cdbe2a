package org.mfaharness.verify;

/**
 * The severity of one finding, in the spec glossary's vocabulary. {@link #INFO} is a note and never changes a verdict.
 */
public enum Severity {
    PASS,
    INFO,
    WARN,
    FAIL,
    INCONCLUSIVE;

    /** The verdict this severity contributes, or null for {@link #INFO}. */
    public Verdict asVerdict() {
        return switch (this) {
            case PASS -> Verdict.PASS;
            case WARN -> Verdict.WARN;
            case FAIL -> Verdict.FAIL;
            case INCONCLUSIVE -> Verdict.INCONCLUSIVE;
            case INFO -> null;
        };
    }
}
