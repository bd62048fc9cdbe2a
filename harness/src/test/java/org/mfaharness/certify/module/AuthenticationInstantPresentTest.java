package org.mfaharness.certify.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.certify.module.Signins.assertFails;
import static org.mfaharness.certify.module.Signins.rstr;
import static org.mfaharness.certify.module.Signins.wsfedSignIn;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.ModuleVerdict;
import org.mfaharness.certify.Outcome;
import org.mfaharness.lab.sign.XmlSigner;
import org.mfaharness.testing.Saml2Builder;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.testing.WsFedBuilder;
import org.mfaharness.testing.Xml;
import org.mfaharness.verify.ReasonCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * AuthenticationInstantPresent: every assertion reports when the user authenticated, as a zoned xs:dateTime that is
 * neither after the response arrived nor before the run's first request (5 minutes of skew). Each way of breaking it
 * has its code: CERT_AUTHN_INSTANT_MISSING, _MALFORMED, _FUTURE, _STALE.
 */
class AuthenticationInstantPresentTest {
    static final String CLAIMS_NS = "http://schemas.microsoft.com/ws/2008/06/identity/claims";

    static Leg leg(LegName n, String rstr) {
        return wsfedSignIn(n, rstr).build();
    }

    /** The run with the step-up sign-in's RSTR replaced. */
    static CertificationEvidence withStepUp(String stepUpRstr) {
        return Signins.wsfed(leg(LegName.NO_STEP_UP, rstr(LegName.NO_STEP_UP).build()), leg(LegName.STEP_UP, stepUpRstr),
                leg(LegName.FRESH, rstr(LegName.FRESH).build()));
    }

    /** The step-up RSTR reporting its instant as the authenticationinstant claim (AD FS's form). */
    static String claimingInstant(String value) {
        return rstr(LegName.STEP_UP).attribute("authenticationinstant", CLAIMS_NS, value).build();
    }

    static ModuleVerdict judge(CertificationEvidence e) {
        return new AuthenticationInstantPresent(Fed.WSFED).evaluate(e);
    }

    @Test
    void anInstantWithinEachSignInPasses() {
        ModuleVerdict v = judge(withStepUp(rstr(LegName.STEP_UP).build()));
        assertThat(v.outcome()).as(v.message()).isEqualTo(Outcome.PASS);
        assertThat(v.evidence()).hasSize(3).allSatisfy(f -> assertThat(f.finding().code()).isEqualTo(ReasonCode.WSF_AUTHN_INSTANT.name()));
    }

    @Test
    void anAssertionWithoutAnyInstantFails() {
        Document d = rstr(LegName.STEP_UP).unsigned().document();
        Element assertion = (Element) d.getElementsByTagNameNS(WsFedBuilder.SAML11, "Assertion").item(0);
        ((Element) assertion.getElementsByTagNameNS(WsFedBuilder.SAML11, "AuthenticationStatement").item(0))
                .removeAttribute("AuthenticationInstant");
        XmlSigner.rsaSha256(TestKeys.IDP).sign(assertion, "AssertionID", null);
        LegFinding f = assertFails(judge(withStepUp(Xml.serialize(d))), CertifyCode.CERT_AUTHN_INSTANT_MISSING);
        assertThat(f.leg()).isEqualTo("step-up");
    }

    @Test
    void anInstantWithoutATimeZoneFails() {
        String local = Signins.startOf(LegName.STEP_UP).plusSeconds(10).toString().replace("Z", "");
        LegFinding f = assertFails(judge(withStepUp(claimingInstant(local))), CertifyCode.CERT_AUTHN_INSTANT_MALFORMED);
        assertThat(f.finding().evidence().value()).isEqualTo(local);
    }

    @Test
    void anInstantAfterTheResponseArrivedFails() {
        Instant later = Signins.startOf(LegName.STEP_UP).plus(Duration.ofHours(2));
        LegFinding f = assertFails(judge(withStepUp(claimingInstant(later.toString()))), CertifyCode.CERT_AUTHN_INSTANT_FUTURE);
        assertThat(f.finding().message()).contains(later.toString()).contains("after the response arrived");
    }

    @Test
    void anInstantBeforeTheRunsFirstRequestFails() {
        Instant yesterday = Signins.T0.minus(Duration.ofDays(1));
        LegFinding f = assertFails(judge(withStepUp(claimingInstant(yesterday.toString()))), CertifyCode.CERT_AUTHN_INSTANT_STALE);
        assertThat(f.finding().message()).contains("before the harness's first request");
    }

    @Test
    void anInstantJustWithinTheSkewOfTheFirstRequestStillPasses() {
        String edge = Signins.T0.minus(Duration.ofMinutes(4)).toString();
        ModuleVerdict v = judge(withStepUp(claimingInstant(edge)));
        assertThat(v.outcome()).as(v.message()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aSaml2AuthnInstantAfterTheResponseFails() {
        Instant later = Signins.startOf(LegName.FRESH).plus(Duration.ofHours(1));
        Instant at = Signins.startOf(LegName.NO_STEP_UP).plusSeconds(10);
        Instant at2 = Signins.startOf(LegName.STEP_UP).plusSeconds(10);
        CertificationEvidence e = Signins.saml2(
                Signins.saml2SignIn(LegName.NO_STEP_UP, "_a", Saml2Builder.response().inResponseTo("_a").validity(at, at.plusSeconds(3600)).build()).build(),
                Signins.saml2SignIn(LegName.STEP_UP, "_b", Saml2Builder.response().inResponseTo("_b").validity(at2, at2.plusSeconds(3600)).build()).build(),
                Signins.saml2SignIn(LegName.FRESH, "_c", Saml2Builder.response().inResponseTo("_c").validity(later, later.plusSeconds(3600)).build()).build());
        LegFinding f = assertFails(new AuthenticationInstantPresent(Fed.SAML2).evaluate(e), CertifyCode.CERT_AUTHN_INSTANT_FUTURE);
        assertThat(f.leg()).isEqualTo("fresh");
        assertThat(f.finding().message()).contains("AuthnInstant");
    }
}
