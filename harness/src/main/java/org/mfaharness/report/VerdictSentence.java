package org.mfaharness.report;

import org.mfaharness.verify.Finding;
import org.mfaharness.verify.MfaBy;
import org.mfaharness.verify.chain.ChainJudgement;

/** The one sentence at the top of every report: what Partner Center would do, and why. */
public final class VerdictSentence {
    private VerdictSentence() {
    }

    public static String of(ChainJudgement c) {
        Finding d = c.decisive();
        String why = d == null ? "" : " " + d.message();
        return switch (c.verdict()) {
            case FAIL -> "Partner Center would reject this sign-in:" + (why.isEmpty() ? " no MFA claim it honours was found." : why);
            case INCONCLUSIVE -> "mfa-harness cannot tell whether Partner Center would accept this sign-in:"
                    + (why.isEmpty() ? " nothing judgeable was found." : why);
            case WARN -> "Partner Center would accept this sign-in, with a warning:" + why;
            case PASS -> "Partner Center would accept this sign-in: MFA was satisfied"
                    + (c.mfaBy() == MfaBy.UNKNOWN ? "." : " by " + by(c.mfaBy()) + ".");
        };
    }

    static String by(MfaBy m) {
        return switch (m) {
            case FEDERATED_IDP -> "the federated IdP";
            case EAM -> "the external authentication method";
            case ENTRA -> "Entra itself";
            case NOBODY -> "nobody";
            case UNKNOWN -> "an unknown party";
        };
    }
}
