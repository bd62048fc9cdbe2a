package org.mfaharness.verify;

import java.util.Collection;

/**
 * The verdict of an artifact, a chain or a run: the worst severity among its findings, ordered
 * {@code FAIL > INCONCLUSIVE > WARN > PASS}, INFO ignored. A missing MFA claim is FAIL even when the signature
 * could not be checked; a present claim that cannot be authenticated is INCONCLUSIVE, never PASS.
 */
public enum Verdict {
    // Declared from best to worst: ordinal() is the rank.
    PASS,
    WARN,
    INCONCLUSIVE,
    FAIL;

    /** The worse of two verdicts. */
    public Verdict worst(Verdict other) {
        return other == null || other.ordinal() <= ordinal() ? this : other;
    }

    /** The worst verdict of the findings' severities; INCONCLUSIVE when no finding decides anything. */
    public static Verdict of(Collection<Finding> findings) {
        Verdict v = null;
        for (Finding f : findings) {
            Verdict fv = f.severity().asVerdict();
            if (fv != null) {
                v = v == null ? fv : v.worst(fv);
            }
        }
        return v == null ? INCONCLUSIVE : v;
    }

    /** The process exit code for this verdict: 0 PASS/WARN, 1 FAIL, 2 INCONCLUSIVE. */
    public int exitCode() {
        return switch (this) {
            case PASS, WARN -> 0;
            case FAIL -> 1;
            case INCONCLUSIVE -> 2;
        };
    }
}
