package org.mfaharness.verify.jwt;

import java.time.Instant;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * The evaluation time is within {@code nbf}..{@code exp}, allowing the clock skew; {@code --at} judges old captures
 * at their own time. Source: spec (d) 5.
 */
public final class CheckTokenLifetime implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        Instant at = ctx.at();
        Long exp = t.claimLong("exp");
        Long nbf = t.claimLong("nbf");
        if (nbf != null && ctx.notYet(Instant.ofEpochSecond(nbf))) {
            out.add(ReasonCode.TOKEN_NOT_YET_VALID, "The token is valid only from " + Instant.ofEpochSecond(nbf)
                    + "; the evaluation time is " + at + ".", Evidence.expected("payload.nbf", String.valueOf(nbf), at.toString()));
        } else if (exp == null) {
            out.add(ReasonCode.TOKEN_EXPIRED, "The token has no numeric exp claim, so it never expires: Entra always sets exp.",
                    Evidence.at("payload.exp", t.claimString("exp")));
        } else if (ctx.over(Instant.ofEpochSecond(exp))) {
            out.add(ReasonCode.TOKEN_EXPIRED, "The token expired at " + Instant.ofEpochSecond(exp) + "; the evaluation time is "
                    + at + ". Judge old captures with --at.", Evidence.expected("payload.exp", String.valueOf(exp), at.toString()));
        } else {
            out.add(ReasonCode.TOKEN_TIME_OK, "The token is valid at " + at + " (expires " + Instant.ofEpochSecond(exp) + ").",
                    Evidence.at("payload.exp", String.valueOf(exp)));
        }
    }
}
