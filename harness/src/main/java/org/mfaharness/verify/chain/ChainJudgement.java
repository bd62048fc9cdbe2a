package org.mfaharness.verify.chain;

import java.util.List;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.MfaBy;
import org.mfaharness.verify.MfaReading;
import org.mfaharness.verify.Verdict;

/**
 * The judgement of a capture or of one input holding several artifacts.
 *
 * @param hops          every judged artifact, in order
 * @param context       requests and sign-in events (not judged; they give the rules their context)
 * @param verdict       the worst verdict among the hops that bear on the final decision and the chain findings
 * @param mfa           the MFA reading of the decisive token, else of the errors and upstream artifacts
 * @param mfaBy         who satisfied MFA
 * @param findings      the chain's own findings (attribution, refresh tokens, the first loss)
 * @param decisiveToken the Entra token Partner Center would judge, or null when none was captured
 * @param decisive      the finding that explains the verdict (from a hop or the chain)
 * @param firstLoss     the first captured hop that bears on MFA and lacks the claim (the {@code CHAIN_CLAIM_LOST}
 *                      hop), or null
 */
public record ChainJudgement(List<ArtifactJudgement> hops, List<Artifact> context, Verdict verdict, MfaReading mfa,
                             MfaBy mfaBy, List<Finding> findings, ArtifactJudgement decisiveToken, Finding decisive,
                             ArtifactJudgement firstLoss) {
    public ChainJudgement {
        hops = List.copyOf(hops);
        context = List.copyOf(context);
        findings = List.copyOf(findings);
    }
}
