package org.mfaharness.verify.eam;

import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.trust.EamDiscovery;

/**
 * The id_token's {@code iss} equals the discovery document's {@code issuer} character for character
 * ({@code https://example.com} is not {@code https://example.com:443/}). Source: spec (c) 3, §3.
 */
public final class CheckEamIssuer implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        EamDiscovery d = ctx.options().trust().eamDiscovery();
        if (d == null || d.string("issuer") == null) {
            out.notChecked(ReasonCode.EAM_ISSUER_MISMATCH, "the provider's discovery issuer is unknown (--eam-discovery)");
            return;
        }
        String expected = d.string("issuer");
        String iss = t.iss();
        if (!expected.equals(iss)) {
            out.add(ReasonCode.EAM_ISSUER_MISMATCH, "The id_token's iss is " + iss + " but the discovery issuer is " + expected
                    + hint(expected, iss) + "; Entra compares them character for character.",
                    Evidence.expected("payload.iss", iss, expected));
        }
    }

    private static String hint(String expected, String iss) {
        if (iss == null) {
            return "";
        }
        String a = strip(expected);
        String b = strip(iss);
        if (a.equals(b)) {
            return " (they differ only by a trailing slash or a default port)";
        }
        return "";
    }

    private static String strip(String s) {
        String r = s.replaceFirst(":443(?=/|$)", "");
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
