package org.mfaharness.report;

import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.MfaBy;
import org.mfaharness.verify.chain.ChainJudgement;

/** The one sentence at the top of every report: what Partner Center would do, and why. */
public final class VerdictSentence {
    private VerdictSentence() {
    }

    public static String of(ChainJudgement c) {
        Finding d = c.decisive();
        String why = d == null ? "" : " " + d.message() + firstLoss(c, d);
        return switch (c.verdict()) {
            case FAIL -> "Partner Center would reject this sign-in:" + (why.isEmpty() ? " no MFA claim it honours was found." : why);
            case INCONCLUSIVE -> "mfa-harness cannot tell whether Partner Center would accept this sign-in:"
                    + (why.isEmpty() ? " nothing judgeable was found." : why);
            case WARN -> "Partner Center would accept this sign-in, with a warning:" + why;
            case PASS -> "Partner Center would accept this sign-in: MFA was satisfied"
                    + (c.mfaBy() == MfaBy.UNKNOWN ? "." : " by " + by(c.mfaBy()) + ".");
        };
    }

    /**
     * " The MFA claim was first missing at hop 5 (WS-Fed RSTR): <why>" — the chain's first loss, when it is another
     * hop than the one the decisive finding explains.
     */
    static String firstLoss(ChainJudgement c, Finding decisive) {
        ArtifactJudgement h = c.firstLoss();
        if (h == null || h.decisive() == null || h.decisive().message().equals(decisive.message())) {
            return "";
        }
        return " The MFA claim was first missing at hop " + h.artifact().origin().hop() + " (" + h.artifact().kind().label()
                + "): " + h.decisive().message();
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
