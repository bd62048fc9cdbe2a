package org.mfaharness.verify.eam;

import org.mfaharness.artifact.EamRequest;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * The id_token's {@code sub} is the hint's {@code sub}; names the common bug of returning the {@code oid} or the UPN.
 * Runs only when the request (with its hint) is known. Source: spec (c) 4.
 */
public final class CheckEamSubject implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        EamRequest req = ctx.correlation().eamRequest();
        if (req == null || req.idTokenHint() == null) {
            out.notChecked(ReasonCode.EAM_SUB_MISMATCH, "Entra's id_token_hint was not captured");
            return;
        }
        JwtToken hint = req.idTokenHint();
        String expected = hint.claimString("sub");
        String sub = t.claimString("sub");
        if (expected != null && !expected.equals(sub)) {
            String why = sub != null && sub.equals(hint.claimString("oid")) ? " (it is the hint's oid)"
                    : sub != null && (sub.equalsIgnoreCase(String.valueOf(hint.claimString("preferred_username")))
                            || sub.equalsIgnoreCase(String.valueOf(hint.claimString("upn")))) ? " (it is the user's UPN)" : "";
            out.add(ReasonCode.EAM_SUB_MISMATCH, "The id_token's sub is " + sub + why + ", but the hint's sub is " + expected + ".",
                    Evidence.expected("payload.sub", sub, expected));
        }
    }
}
