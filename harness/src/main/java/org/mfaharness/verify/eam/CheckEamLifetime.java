package org.mfaharness.verify.eam;

import java.time.Instant;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/** {@code exp} and {@code iat} are numeric, and the evaluation time is within iat..exp (with skew). Source: spec (c) 4. */
public final class CheckEamLifetime implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        Long exp = t.claimLong("exp");
        Long iat = t.claimLong("iat");
        Instant at = ctx.at();
        if (exp == null || iat == null) {
            out.add(ReasonCode.EAM_TIME, "The id_token lacks a numeric " + (exp == null ? "exp" : "iat") + ".",
                    Evidence.at(exp == null ? "payload.exp" : "payload.iat", null));
        } else if (ctx.over(Instant.ofEpochSecond(exp))) {
            out.add(ReasonCode.EAM_TIME, "The id_token expired at " + Instant.ofEpochSecond(exp) + "; the evaluation time is " + at + ".",
                    Evidence.expected("payload.exp", String.valueOf(exp), at.toString()));
        } else if (ctx.notYet(Instant.ofEpochSecond(iat))) {
            out.add(ReasonCode.EAM_TIME, "The id_token is issued in the future (" + Instant.ofEpochSecond(iat) + "); the evaluation time is " + at + ".",
                    Evidence.expected("payload.iat", String.valueOf(iat), at.toString()));
        }
    }
}
