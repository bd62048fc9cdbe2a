package org.mfaharness.certify.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.certify.module.Signins.assertFails;
import static org.mfaharness.certify.module.Signins.assertNotRun;
import static org.mfaharness.certify.module.Signins.assertPasses;
import static org.mfaharness.certify.module.Signins.rstr;
import static org.mfaharness.certify.module.Signins.wsfedSignIn;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.ModuleVerdict;

/**
 * SignInCompletesAtLoginSrf: each sign-in ends with a readable RSTR posted to login.srf. An IdP error page fails
 * (CERT_SIGNIN_ERROR_PAGE), arriving at login.srf without a wresult fails (CERT_SIGNIN_NO_RESPONSE), a sign-in the
 * drivers could not finish is NOT RUN.
 */
class SignInCompletesAtLoginSrfTest {
    static Leg ok(LegName n) {
        return wsfedSignIn(n, rstr(n).build()).build();
    }

    static ModuleVerdict judge(Leg noStepUp) {
        return new SignInCompletesAtLoginSrf(Fed.WSFED).evaluate(Signins.wsfed(noStepUp, ok(LegName.STEP_UP), ok(LegName.FRESH)));
    }

    @Test
    void threeRstrsPostedToLoginSrfPass() {
        ModuleVerdict v = judge(ok(LegName.NO_STEP_UP));
        assertPasses(v, CertifyCode.CERT_SIGNIN_OK);
        assertThat(v.evidence()).hasSize(3);
    }

    @Test
    void anIdpErrorPageFails() {
        Leg error = wsfedSignIn(LegName.NO_STEP_UP, rstr(LegName.NO_STEP_UP).build()).steps(Signins.TYPED_USER)
                .failed("ERROR_PAGE", "the IdP showed an error page at https://adfs.fabrikam.test/adfs/ls/ (MSIS7012)").build();
        LegFinding f = assertFails(judge(error), CertifyCode.CERT_SIGNIN_ERROR_PAGE);
        assertThat(f.leg()).isEqualTo("no-step-up");
        assertThat(f.finding().message()).contains("MSIS7012");
    }

    @Test
    void reachingLoginSrfWithoutAWresultFails() {
        Leg empty = Signins.leg(LegName.NO_STEP_UP).sent("wctx", "x").posted("/login.srf", Map.of("wctx", "x")).build();
        assertThat(empty.completed()).isTrue();
        assertFails(judge(empty), CertifyCode.CERT_SIGNIN_NO_RESPONSE);
    }

    @Test
    void aSignInTheDriversCouldNotFinishIsNotRun() {
        Leg stalled = wsfedSignIn(LegName.NO_STEP_UP, rstr(LegName.NO_STEP_UP).build())
                .failed("STALLED", "no sign-in driver recognised the page at https://adfs.fabrikam.test/adfs/ls/").build();
        ModuleVerdict v = judge(stalled);
        assertNotRun(v);
        assertThat(v.message()).contains("no sign-in driver recognised");
    }
}
