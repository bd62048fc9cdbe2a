package org.mfaharness.verify.jwt;

import org.mfaharness.artifact.JwtToken;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * Tokens for Microsoft's own APIs (a header {@code nonce}, or a Graph audience) use a proprietary signing scheme
 * third parties cannot verify: they are decoded only, so their verdict is at most INCONCLUSIVE. A Partner Center
 * token with a header nonce is suspicious. Source: spec (d) 3, access-tokens.
 */
public final class DetectUnverifiableMicrosoftApiToken implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        if (!isUnverifiable(t, ctx.options().cloud())) {
            return;
        }
        boolean nonce = t.header().has("nonce");
        out.add(ReasonCode.TOKEN_UNVERIFIABLE_MS_API, (nonce ? "The header carries a nonce" : "The audience is Microsoft Graph")
                + ": this token is signed over a transformed value that only Microsoft APIs verify, so it is decoded, not verified.",
                Evidence.at(nonce ? "header.nonce" : "payload.aud", nonce ? "(present)" : t.aud()));
        if (nonce && ctx.options().cloud().isPartnerCenterAudience(t.aud())) {
            out.add(ReasonCode.TOKEN_PC_NONCE_HEADER, "A Partner Center token never carries a header nonce; this one does.",
                    Evidence.at("header.nonce", "(present)"));
        }
    }

    /** Whether the token is a decode-only Microsoft API token. */
    static boolean isUnverifiable(JwtToken t, CloudProfile cloud) {
        return t.header().has("nonce") || cloud.isGraphAudience(t.aud());
    }
}
