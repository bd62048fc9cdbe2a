package org.mfaharness.verify.eam;

import org.mfaharness.artifact.EamRequest;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * The id_token carries a {@code nonce}, equal to the request's when the request is known (a missing nonce fails
 * either way: AADSTS50027). Source: spec (c) 4.
 */
public final class CheckEamNonce implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        String nonce = t.claimString("nonce");
        if (nonce == null) {
            out.add(ReasonCode.EAM_NONCE, "The id_token has no nonce; Entra requires the request's nonce echoed (AADSTS50027).",
                    Evidence.at("payload.nonce", null));
            return;
        }
        EamRequest req = ctx.correlation().eamRequest();
        if (req == null || req.nonce() == null) {
            out.notChecked(ReasonCode.EAM_NONCE, "Entra's request nonce was not captured");
            return;
        }
        if (!req.nonce().equals(nonce)) {
            out.add(ReasonCode.EAM_NONCE, "The id_token's nonce " + nonce + " differs from the request's " + req.nonce() + ".",
                    Evidence.expected("payload.nonce", nonce, req.nonce()));
        }
    }
}
