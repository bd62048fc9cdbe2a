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
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.ModuleVerdict;
import org.mfaharness.testing.Saml2Builder;

/**
 * ResponseEchoesWctx and ResponseEchoesRelayState: the form the IdP posted to login.srf must carry wctx / RelayState
 * exactly as sent, in every sign-in; one changed or dropped value fails the module with CERT_CONTEXT_CHANGED.
 */
class ContextEchoedTest {
    static Signins.LegBuilder wsfed(LegName n) {
        return wsfedSignIn(n, rstr(n).build());
    }

    static Signins.LegBuilder saml2(LegName n) {
        Instant at = Signins.startOf(n).plusSeconds(10);
        String id = "_req-" + n.label();
        return saml2SignIn(n, id, Saml2Builder.response().inResponseTo(id).validity(at, at.plus(Duration.ofHours(1))).build());
    }

    @Test
    void wctxReturnedUnchangedInEverySignInPasses() {
        ModuleVerdict v = new ResponseEchoesWctx().evaluate(Signins.wsfed(wsfed(LegName.NO_STEP_UP).build(),
                wsfed(LegName.STEP_UP).build(), wsfed(LegName.FRESH).build()));
        assertPasses(v, CertifyCode.CERT_CONTEXT_ECHOED);
        assertThat(v.evidence()).hasSize(3);
    }

    @Test
    void anIdpThatRewritesWctxInOneSignInFails() {
        CertificationEvidence e = Signins.wsfed(wsfed(LegName.NO_STEP_UP).build(),
                wsfed(LegName.STEP_UP).postedField("wctx", "idp-session-42").build(), wsfed(LegName.FRESH).build());
        LegFinding f = assertFails(new ResponseEchoesWctx().evaluate(e), CertifyCode.CERT_CONTEXT_CHANGED);
        assertThat(f.leg()).isEqualTo("step-up");
        assertThat(f.finding().evidence().value()).isEqualTo("idp-session-42");
        assertThat(f.finding().evidence().expected()).isEqualTo("mfa-harness-certify:step-up");
    }

    @Test
    void anIdpThatDropsWctxFails() {
        CertificationEvidence e = Signins.wsfed(wsfed(LegName.NO_STEP_UP).postedField("wctx", null).build(),
                wsfed(LegName.STEP_UP).build(), wsfed(LegName.FRESH).build());
        LegFinding f = assertFails(new ResponseEchoesWctx().evaluate(e), CertifyCode.CERT_CONTEXT_CHANGED);
        assertThat(f.leg()).isEqualTo("no-step-up");
        assertThat(f.finding().message()).contains("has no wctx");
    }

    @Test
    void relayStateReturnedUnchangedInEverySignInPasses() {
        assertPasses(new ResponseEchoesRelayState().evaluate(Signins.saml2(saml2(LegName.NO_STEP_UP).build(),
                saml2(LegName.STEP_UP).build(), saml2(LegName.FRESH).build())), CertifyCode.CERT_CONTEXT_ECHOED);
    }

    @Test
    void anIdpThatChangesRelayStateFails() {
        CertificationEvidence e = Signins.saml2(saml2(LegName.NO_STEP_UP).build(), saml2(LegName.STEP_UP).build(),
                saml2(LegName.FRESH).postedField("RelayState", "relay-fresh ").build());
        LegFinding f = assertFails(new ResponseEchoesRelayState().evaluate(e), CertifyCode.CERT_CONTEXT_CHANGED);
        assertThat(f.leg()).isEqualTo("fresh");
        assertThat(f.finding().message()).contains("RelayState returned differs");
    }

    @Test
    void aSignInThatNeverReachedLoginSrfIsNotRunEvenWhenTheOthersEchoed() {
        Leg stalled = saml2(LegName.NO_STEP_UP).failed("STALLED", "no sign-in driver recognised the page").build();
        assertNotRun(new ResponseEchoesRelayState().evaluate(Signins.saml2(stalled, saml2(LegName.STEP_UP).build(),
                saml2(LegName.FRESH).build())));
    }
}
