package org.mfaharness.certify;

/**
 * What one module concluded, after the plan's severity: {@link #PASS}; {@link #WARN} (a best-practice module
 * failed, or a documented rule was met only weakly); {@link #FAIL} (a documented requirement was not met);
 * {@link #NOT_RUN} (the module could not run: the sign-in it needs did not happen, or its context is missing).
 */
public enum Outcome {
    PASS, WARN, FAIL, NOT_RUN;

    /** The worse of two outcomes, ranked FAIL &gt; NOT_RUN &gt; WARN &gt; PASS. */
    public Outcome worst(Outcome o) {
        return rank(o) > rank(this) ? o : this;
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case PASS -> 0;
            case WARN -> 1;
            case NOT_RUN -> 2;
            case FAIL -> 3;
        };
    }
}
