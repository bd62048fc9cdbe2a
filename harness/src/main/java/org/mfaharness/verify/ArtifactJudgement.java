package org.mfaharness.verify;

import java.util.List;
import org.mfaharness.artifact.Artifact;

/**
 * The judgement of one artifact: its verdict (worst finding), its MFA reading (from its content, whatever its
 * trust), the findings, and the decisive finding — the one that explains the verdict.
 */
public record ArtifactJudgement(Artifact artifact, Verdict verdict, MfaReading mfa, List<Finding> findings,
                                Finding decisive) {

    public ArtifactJudgement {
        findings = List.copyOf(findings);
    }

    /** Builds the judgement from the findings a judge made. */
    public static ArtifactJudgement of(Artifact artifact, List<Finding> findings) {
        Verdict v = Verdict.of(findings);
        return new ArtifactJudgement(artifact, v, readingOf(findings), findings, decisiveOf(findings, v));
    }

    /**
     * The MFA reading the findings establish. When several findings carry a reading, the most cautious wins:
     * ABSENT over WEAK over PRESENT; UNKNOWN only when nothing else was read.
     */
    private static MfaReading readingOf(List<Finding> findings) {
        MfaReading best = null;
        for (Finding f : findings) {
            MfaReading r = readingOfCode(f.code());
            if (r == null) {
                continue;
            }
            if (best == null || rank(r) > rank(best)) {
                best = r;
            }
        }
        return best == null ? MfaReading.UNKNOWN : best;
    }

    private static int rank(MfaReading r) {
        return switch (r) {
            case UNKNOWN -> 0;
            case PRESENT -> 1;
            case WEAK -> 2;
            case ABSENT -> 3;
        };
    }

    private static MfaReading readingOfCode(String code) {
        try {
            return ReasonCode.valueOf(code).reading();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The finding that explains the verdict: the first finding of the verdict's severity that bears on MFA, else
     * the first of that severity; for PASS, the finding that established the MFA reading.
     */
    static Finding decisiveOf(List<Finding> findings, Verdict v) {
        Finding first = null;
        for (Finding f : findings) {
            if (f.severity().asVerdict() == v) {
                if (readingOfCode(f.code()) != null) {
                    return f;
                }
                if (first == null) {
                    first = f;
                }
            }
        }
        return first;
    }
}
