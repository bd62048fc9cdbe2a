package org.mfaharness.verify.jwt;

import java.util.List;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;

/**
 * The plan for an Entra id or access token (spec (d)): classify; JOSE hygiene; decode-only Microsoft API tokens;
 * signature; lifetime; tenant; the amr element match.
 */
public final class EntraTokenJudge {
    /** The JOSE rules every JWT is held to, Entra's or an EAM provider's. */
    public static final List<Check<JwtToken>> JOSE_HYGIENE = List.of(
            new RejectAlgNone(), new RejectHmacAlgorithm(), new RejectHeaderKeys(), new RejectSuspiciousKid(),
            new RejectDuplicateMembers());

    private static final Check<JwtToken> CLASSIFY = new ClassifyToken();
    private static final List<Check<JwtToken>> CHECKS = List.of(
            new EnsureAmrIsStringArray(), new DetectUnverifiableMicrosoftApiToken(), VerifyJwtSignature.entra(),
            new CheckTokenLifetime(), new CheckTenant(), new EnsureEntraAmrMfa());

    private EntraTokenJudge() {
    }

    public static void judge(JwtToken t, JudgeContext ctx, Findings out) {
        CLASSIFY.evaluate(t, ctx, out);
        JOSE_HYGIENE.forEach(c -> c.evaluate(t, ctx, out));
        CHECKS.forEach(c -> c.evaluate(t, ctx, out));
    }
}
