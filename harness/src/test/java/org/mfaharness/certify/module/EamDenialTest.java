package org.mfaharness.certify.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.certify.module.Signins.assertFails;
import static org.mfaharness.certify.module.Signins.assertNotRun;
import static org.mfaharness.certify.module.Signins.assertPasses;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.EamTarget;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.ModuleResult;
import org.mfaharness.certify.ModuleVerdict;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.plan.EamPlan;
import org.mfaharness.testing.Tokens;

/**
 * The EAM provider's handling of a failed second factor (the eam-denial sign-in, every code typed wrong):
 * NoIdTokenWithoutSecondFactor fails with CERT_EAM_TOKEN_WITHOUT_MFA when an id_token reaches Entra anyway;
 * AccessDeniedIsReported wants error=access_denied with the request's state (CERT_EAM_DENIAL_UNREPORTED, _ERROR,
 * _STATE otherwise). Also the completed sign-in's CERT_EAM_ERROR_PAGE and CERT_EAM_NO_RESPONSE.
 */
class EamDenialTest {
    static final String STATE = "st-9f2Kx0Qa7bLm";
    static final String PROVIDER = "https://eam.contoso-mfa.test";
    static final String WRONG_CODE = "step %d at " + PROVIDER + "/authorize: typed the current TOTP code into otp and clicked Verify [GenericOtpDriver]";
    static final String CODE = "step 1 at " + PROVIDER + "/authorize: typed the current TOTP code into otp and clicked Verify [GenericOtpDriver]";
    static final String[] THREE_WRONG_CODES = {WRONG_CODE.formatted(1), WRONG_CODE.formatted(2), WRONG_CODE.formatted(3)};

    static EamTarget provider() throws Exception {
        return new EamTarget(PROVIDER + "/.well-known/openid-configuration", new ObjectMapper().readTree(
                "{\"issuer\":\"" + PROVIDER + "\",\"authorization_endpoint\":\"" + PROVIDER + "/authorize\",\"jwks_uri\":\"" + PROVIDER + "/jwks\"}"),
                List.of(), null, "600b719b-3766-4dc5-95a6-3c4a8dc31885");
    }

    static Signins.LegBuilder denial() {
        return Signins.leg(LegName.EAM_DENIAL).sent("state", STATE).sent("nonce", "n-1").steps(THREE_WRONG_CODES);
    }

    /** What the provider form_posted to Entra's redirect URI. */
    static Map<String, String> answer(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static CertificationEvidence run(Leg denial) throws Exception {
        return Signins.eam(provider(), denial);
    }

    static String idToken() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", PROVIDER);
        c.put("aud", "600b719b-3766-4dc5-95a6-3c4a8dc31885");
        c.put("sub", "hint-sub");
        c.put("nonce", "n-1");
        c.put("iat", now);
        c.put("exp", now + 600);
        c.put("acr", "possessionorinherence");
        c.put("amr", List.of("otp"));
        return Tokens.EAM.sign(c);
    }

    @Test
    void anIdTokenIssuedAfterOnlyWrongCodesFails() throws Exception {
        Leg leg = denial().posted(Signins.EAM_PATH, answer("id_token", idToken(), "state", STATE)).build();
        LegFinding f = assertFails(new NoIdTokenWithoutSecondFactor().evaluate(run(leg)), CertifyCode.CERT_EAM_TOKEN_WITHOUT_MFA);
        assertThat(f.leg()).isEqualTo("eam-denial");
        // the other denial module does not count the same fault twice
        assertNotRun(new AccessDeniedIsReported().evaluate(run(leg)));
    }

    @Test
    void anAccessDeniedAnswerIssuesNoTokenAndIsReported() throws Exception {
        Leg leg = denial().posted(Signins.EAM_PATH, answer("error", "access_denied", "error_description", "wrong code", "state", STATE)).build();
        assertPasses(new NoIdTokenWithoutSecondFactor().evaluate(run(leg)), CertifyCode.CERT_EAM_NO_TOKEN);
        assertPasses(new AccessDeniedIsReported().evaluate(run(leg)), CertifyCode.CERT_EAM_ACCESS_DENIED);
    }

    @Test
    void aProviderThatKeepsTheUserOnItsPageIssuesNoTokenButDoesNotReportTheDenial() throws Exception {
        Leg leg = denial().failed("STALLED", "the sign-in is stuck: the page came back unchanged after 3 attempts").build();
        assertPasses(new NoIdTokenWithoutSecondFactor().evaluate(run(leg)), CertifyCode.CERT_EAM_NO_TOKEN);
        ModuleVerdict v = new AccessDeniedIsReported().evaluate(run(leg));
        assertFails(v, CertifyCode.CERT_EAM_DENIAL_UNREPORTED);
        // the plan calls it with WARN
        ModuleResult r = new EamPlan().entries().stream().filter(e -> e.module() instanceof AccessDeniedIsReported).findFirst()
                .orElseThrow().apply(v);
        assertThat(r.outcome()).isEqualTo(Outcome.WARN);
    }

    @Test
    void anotherErrorThanAccessDeniedIsReportedAsSuch() throws Exception {
        Leg leg = denial().posted(Signins.EAM_PATH, answer("error", "server_error", "state", STATE)).build();
        LegFinding f = assertFails(new AccessDeniedIsReported().evaluate(run(leg)), CertifyCode.CERT_EAM_DENIAL_ERROR);
        assertThat(f.finding().evidence().value()).isEqualTo("server_error");
        assertPasses(new NoIdTokenWithoutSecondFactor().evaluate(run(leg)), CertifyCode.CERT_EAM_NO_TOKEN);
    }

    @Test
    void anAccessDeniedWithoutTheRequestsStateFails() throws Exception {
        Leg leg = denial().posted(Signins.EAM_PATH, answer("error", "access_denied")).build();
        LegFinding f = assertFails(new AccessDeniedIsReported().evaluate(run(leg)), CertifyCode.CERT_EAM_DENIAL_STATE);
        assertThat(f.finding().evidence().expected()).isEqualTo(STATE);
    }

    @Test
    void aDenialSignInThatShowedNoCodePageIsNotRun() throws Exception {
        Leg leg = denial().steps().failed("ERROR_PAGE", "the provider refused the harness's authorize request").build();
        assertNotRun(new NoIdTokenWithoutSecondFactor().evaluate(run(leg)));
        assertNotRun(new AccessDeniedIsReported().evaluate(run(leg)));
    }

    @Test
    void anErrorPageAfterTheSecondFactorFailsTheCompletedSignIn() throws Exception {
        Leg eam = Signins.leg(LegName.EAM).sent("state", STATE).steps(CODE)
                .failed("ERROR_PAGE", "the provider showed an error page at " + PROVIDER + "/authorize").build();
        assertFails(new ProviderIssuesIdTokenAfterSecondFactor().evaluate(Signins.eam(provider(), eam)), CertifyCode.CERT_EAM_ERROR_PAGE);
    }

    @Test
    void reachingTheRedirectUriWithoutAFormPostFailsTheCompletedSignIn() throws Exception {
        Leg eam = Signins.leg(LegName.EAM).sent("state", STATE).steps(CODE).build();
        assertThat(eam.completed()).isTrue();
        assertFails(new ProviderIssuesIdTokenAfterSecondFactor().evaluate(Signins.eam(provider(), eam)), CertifyCode.CERT_EAM_NO_RESPONSE);
    }
}
