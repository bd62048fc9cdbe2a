package org.mfaharness.verify.jwt;

import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/** The token's {@code tid} and issuer tenant are the partner tenant, when the user named it. Source: spec (d) 5. */
public final class CheckTenant implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        String expected = ctx.options().tenant();
        if (expected == null) {
            out.notChecked(ReasonCode.TOKEN_TENANT_MISMATCH, "the partner tenant was not given (--tenant)");
            return;
        }
        String tid = t.claimString("tid");
        String issTenant = ctx.options().cloud().tenantOfIssuer(t.iss()).orElse(null);
        if (!expected.equalsIgnoreCase(String.valueOf(tid)) || (issTenant != null && !expected.equalsIgnoreCase(issTenant))) {
            out.add(ReasonCode.TOKEN_TENANT_MISMATCH, "The token is from tenant " + tid + " (issuer " + t.iss()
                    + "), not the partner tenant " + expected + ".", Evidence.expected("payload.tid", tid, expected));
        }
    }
}
