package org.mfaharness.verify.eam;

import org.mfaharness.artifact.EamRequest;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.jwt.JwsSignature;

/**
 * Entra's id_token_hint names the cloud's v2 issuer for its tenant and the provider's client_id as audience; its
 * signature verifies with Entra's keys when given. It is expired by design, so {@code exp} is ignored.
 * Source: spec (c) 1, §3.
 */
public final class CheckEamHint implements Check<EamRequest> {
    @Override
    public void evaluate(EamRequest r, JudgeContext ctx, Findings out) {
        JwtToken hint = r.idTokenHint();
        if (hint == null) {
            out.add(ReasonCode.EAM_HINT_MISMATCH, "The request's id_token_hint is missing or not a readable JWT.",
                    Evidence.at("id_token_hint", null));
            return;
        }
        String tid = hint.claimString("tid");
        String expectedIss = ctx.options().cloud().v2Issuer(tid == null ? "{tid}" : tid);
        if (!expectedIss.equals(hint.iss())) {
            out.add(ReasonCode.EAM_HINT_MISMATCH, "The hint's issuer is " + hint.iss() + ", not " + expectedIss + ".",
                    Evidence.expected("id_token_hint.payload.iss", hint.iss(), expectedIss));
        } else if (r.clientId() != null && !r.clientId().equals(hint.aud())) {
            out.add(ReasonCode.EAM_HINT_MISMATCH, "The hint's audience is " + hint.aud() + ", not the request's client_id "
                    + r.clientId() + ".", Evidence.expected("id_token_hint.payload.aud", hint.aud(), r.clientId()));
        } else {
            out.add(ReasonCode.EAM_HINT_OK, "The hint names " + expectedIss + " and client_id " + r.clientId()
                    + " (its exp is in the past by design).", Evidence.at("id_token_hint.payload.iss", hint.iss()));
        }
        var keys = ctx.options().trust().jwks();
        if (keys.isEmpty()) {
            out.notChecked(ReasonCode.EAM_HINT_SIG, "Entra's keys were not given (--jwks)");
            return;
        }
        JwsSignature.Outcome o = JwsSignature.verify(hint, keys);
        if (o.status() != JwsSignature.Status.VALID) {
            out.add(ReasonCode.EAM_HINT_SIG, "The hint's signature does not verify with the given Entra keys ("
                    + o.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ").",
                    Evidence.at("id_token_hint.signature", hint.kid()));
        }
    }
}
