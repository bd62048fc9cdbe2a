package org.mfaharness.verify.eam;

import java.util.List;
import org.mfaharness.artifact.EamRequest;
import org.mfaharness.artifact.EamResponse;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.jwt.EntraTokenJudge;
import org.mfaharness.verify.jwt.VerifyJwtSignature;

/** The plans for EAM artifacts (spec (c)): the request's hint, the provider's response, and its id_token. */
public final class EamJudge {
    private static final List<Check<JwtToken>> TOKEN_CHECKS = List.of(
            new CheckEamDiscovery(), new CheckEamIssuer(), new CheckEamJwks(), VerifyJwtSignature.eam(),
            new CheckEamAudience(), new CheckEamSubject(), new CheckEamNonce(), new CheckEamLifetime(),
            new EnsureEamAcr(), new EnsureEamAmr(), new ConcludeEamClaims());
    private static final Check<EamRequest> HINT = new CheckEamHint();
    private static final List<Check<EamResponse>> RESPONSE_CHECKS = List.of(
            new EnsureEamProviderSucceeded(), new CheckEamState());

    private EamJudge() {
    }

    public static void judgeToken(JwtToken t, JudgeContext ctx, Findings out) {
        EntraTokenJudge.JOSE_HYGIENE.forEach(c -> c.evaluate(t, ctx, out));
        TOKEN_CHECKS.forEach(c -> c.evaluate(t, ctx, out));
    }

    public static void judgeRequest(EamRequest r, JudgeContext ctx, Findings out) {
        HINT.evaluate(r, ctx, out);
    }

    public static void judgeResponse(EamResponse r, JudgeContext ctx, Findings out) {
        RESPONSE_CHECKS.forEach(c -> c.evaluate(r, ctx, out));
    }
}
