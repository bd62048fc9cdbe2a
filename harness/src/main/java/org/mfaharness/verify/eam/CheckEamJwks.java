package org.mfaharness.verify.eam;

import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.trust.TrustedKey;

/**
 * Every key of the provider's JWKS has {@code x5c}, and its {@code n}/{@code e} match that certificate. Runs only
 * when the provider's keys were given separately ({@code --eam-jwks}). Source: spec (c) 3, §3.
 */
public final class CheckEamJwks implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        var keys = ctx.options().trust().eamJwks();
        if (keys.isEmpty()) {
            out.notChecked(ReasonCode.EAM_JWK_NO_X5C, "the provider's JWKS was not given (--eam-jwks)");
            return;
        }
        for (TrustedKey k : keys) {
            if (k.certificate() == null) {
                out.add(ReasonCode.EAM_JWK_NO_X5C, "Key " + k.kid() + " of " + k.source()
                        + " has no x5c; Entra requires a certificate chain on every key.", Evidence.at("jwks.keys[kid=" + k.kid() + "].x5c", null));
            } else if (!k.x5cMatchesKey()) {
                out.add(ReasonCode.EAM_JWK_X5C_MISMATCH, "Key " + k.kid() + " of " + k.source()
                        + " has n/e that differ from its x5c certificate's key.", Evidence.at("jwks.keys[kid=" + k.kid() + "]", k.kid()));
            }
        }
    }
}
