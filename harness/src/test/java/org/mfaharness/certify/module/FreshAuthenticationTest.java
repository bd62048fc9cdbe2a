package org.mfaharness.certify.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.certify.module.Signins.assertFails;
import static org.mfaharness.certify.module.Signins.assertNotRun;
import static org.mfaharness.certify.module.Signins.assertPasses;
import static org.mfaharness.certify.module.Signins.rstr;
import static org.mfaharness.certify.module.Signins.saml2SignIn;
import static org.mfaharness.certify.module.Signins.wsfedSignIn;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.ModuleVerdict;
import org.mfaharness.testing.Saml2Builder;

/**
 * FreshAuthenticationOnWfresh0 (WS-Fed) and FreshAuthenticationOnForceAuthn (SAML 2.0): the fresh sign-in passes only
 * when the drivers typed the password again and the reported instant is not older than the request; an IdP that
 * answers from its session — even one that asks for a one-time code in a field labelled "One-time password" — fails
 * with CERT_NOT_FRESH.
 */
class FreshAuthenticationTest {
    /** The drivers typed a TOTP code into a box labelled "One-time password" on a page whose URL says "password". */
    static final String[] ONLY_THE_OTP = {
            "step 1 at https://idp.contoso.test/password/mfa: typed the current TOTP code into One-time password and clicked Continue [OktaSignInDriver]"};

    static Leg wsfedFresh(String... steps) {
        return wsfedSignIn(LegName.FRESH, rstr(LegName.FRESH).build()).steps(steps).build();
    }

    static Leg saml2Fresh(String... steps) {
        Instant at = Signins.startOf(LegName.FRESH).plusSeconds(10);
        String xml = Saml2Builder.response().inResponseTo("_fresh").classRefs("http://schemas.microsoft.com/claims/multipleauthn")
                .validity(at, at.plus(Duration.ofHours(1))).build();
        return saml2SignIn(LegName.FRESH, "_fresh", xml).steps(steps).build();
    }

    @Test
    void wfresh0AnsweredWithThePasswordPageAgainPasses() {
        ModuleVerdict v = new FreshAuthenticationOnWfresh0().evaluate(Signins.wsfed(wsfedFresh(Signins.TYPED_PASSWORD, Signins.TYPED_CODE)));
        assertPasses(v, CertifyCode.CERT_FRESH);
        assertThat(v.message()).contains("fresh: ").contains("asked for the password again");
    }

    @Test
    void wfresh0AnsweredWithOnlyAOneTimePasswordIsNotFresh() {
        Leg fresh = wsfedFresh(ONLY_THE_OTP);
        assertThat(fresh.typedPassword()).as("an OTP box labelled 'One-time password' is not the password").isFalse();
        assertThat(fresh.typedCode()).isTrue();
        LegFinding f = assertFails(new FreshAuthenticationOnWfresh0().evaluate(Signins.wsfed(fresh)), CertifyCode.CERT_NOT_FRESH);
        assertThat(f.leg()).isEqualTo("fresh");
        assertThat(f.finding().message()).contains("wfresh=0").contains("answered from its session");
    }

    @Test
    void forceAuthnAnsweredWithOnlyAOneTimePasswordIsNotFresh() {
        LegFinding f = assertFails(new FreshAuthenticationOnForceAuthn().evaluate(Signins.saml2(saml2Fresh(ONLY_THE_OTP))),
                CertifyCode.CERT_NOT_FRESH);
        assertThat(f.finding().message()).contains("ForceAuthn=\"true\"").contains("answered from its session");
    }

    @Test
    void forceAuthnAnsweredFromTheSessionWithoutAnyPageIsNotFresh() {
        assertFails(new FreshAuthenticationOnForceAuthn().evaluate(Signins.saml2(saml2Fresh())), CertifyCode.CERT_NOT_FRESH);
    }

    @Test
    void forceAuthnWithThePasswordTypedInAScenarioStepPasses() {
        Leg fresh = saml2Fresh("step 1 at https://idp.contoso.test/login: filled #pw with ${password} [DeclarativeDriver(2 steps)]");
        assertPasses(new FreshAuthenticationOnForceAuthn().evaluate(Signins.saml2(fresh)), CertifyCode.CERT_FRESH);
    }

    @Test
    void thePasswordAskedAgainButAnInstantOlderThanTheRequestIsNotFresh() {
        Instant old = Signins.startOf(LegName.FRESH).minus(Duration.ofHours(2));
        Leg fresh = wsfedSignIn(LegName.FRESH, rstr(LegName.FRESH).attribute("authenticationinstant",
                "http://schemas.microsoft.com/ws/2008/06/identity/claims", old.toString()).build())
                .steps(Signins.TYPED_PASSWORD, Signins.TYPED_CODE).build();
        assertThat(fresh.typedPassword()).isTrue();
        LegFinding f = assertFails(new FreshAuthenticationOnWfresh0().evaluate(Signins.wsfed(fresh)), CertifyCode.CERT_NOT_FRESH);
        assertThat(f.finding().message()).contains("older than the request").contains(old.toString());
    }

    @Test
    void aFreshSignInThatStalledIsNotRunNotPassed() {
        Leg stalled = wsfedSignIn(LegName.FRESH, rstr(LegName.FRESH).build()).failed("STALLED", "the sign-in is stuck").build();
        assertNotRun(new FreshAuthenticationOnWfresh0().evaluate(Signins.wsfed(stalled)));
        assertNotRun(new FreshAuthenticationOnWfresh0().evaluate(Signins.wsfed()));
    }
}
