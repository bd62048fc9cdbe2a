package org.mfaharness.verify.eam;

import org.mfaharness.artifact.EamRequest;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/** The id_token's {@code aud} is the client_id Entra sent. Runs only when the request is known. Source: spec (c) 4. */
public final class CheckEamAudience implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        EamRequest req = ctx.correlation().eamRequest();
        if (req == null || req.clientId() == null) {
            out.notChecked(ReasonCode.EAM_AUD, "Entra's authorize request (client_id) was not captured");
            return;
        }
        if (!t.audiences().contains(req.clientId()) || t.audiences().size() != 1) {
            out.add(ReasonCode.EAM_AUD, "The id_token's aud is " + t.audiences() + ", not the client_id " + req.clientId() + ".",
                    Evidence.expected("payload.aud", String.valueOf(t.aud()), req.clientId()));
        }
    }
}
