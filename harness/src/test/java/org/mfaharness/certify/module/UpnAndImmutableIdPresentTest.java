package org.mfaharness.certify.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.certify.module.Signins.assertFails;
import static org.mfaharness.certify.module.Signins.assertPasses;
import static org.mfaharness.certify.module.Signins.rstr;
import static org.mfaharness.certify.module.Signins.wsfedSignIn;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.LegName;
import org.mfaharness.testing.WsFedBuilder;

/** UpnAndImmutableIdPresent: every RSTR's assertion names the user by UPN and ImmutableID, in Microsoft's namespaces. */
class UpnAndImmutableIdPresentTest {
    static Leg leg(LegName n, WsFedBuilder b) {
        return wsfedSignIn(n, b.build()).build();
    }

    /** The RSTR with only the UPN attribute (no ImmutableID), as an IdP mapping only the e-mail address issues it. */
    static WsFedBuilder upnOnly(LegName n) {
        Instant at = Signins.startOf(n).plusSeconds(10);
        return WsFedBuilder.rstr().authenticationMethod(n == LegName.NO_STEP_UP ? WsFedBuilder.PASSWORD : WsFedBuilder.MULTIPLEAUTHN)
                .validity(at, at.plus(Duration.ofHours(1)));
    }

    @Test
    void assertionsWithUpnAndImmutableIdPass() {
        assertPasses(new UpnAndImmutableIdPresent().evaluate(Signins.wsfed(leg(LegName.NO_STEP_UP, rstr(LegName.NO_STEP_UP)),
                leg(LegName.STEP_UP, rstr(LegName.STEP_UP)), leg(LegName.FRESH, rstr(LegName.FRESH)))), CertifyCode.CERT_CLAIMS_OK);
    }

    @Test
    void anAssertionWithoutImmutableIdInOneSignInFails() {
        LegFinding f = assertFails(new UpnAndImmutableIdPresent().evaluate(Signins.wsfed(leg(LegName.NO_STEP_UP, rstr(LegName.NO_STEP_UP)),
                leg(LegName.STEP_UP, upnOnly(LegName.STEP_UP)), leg(LegName.FRESH, rstr(LegName.FRESH)))), CertifyCode.CERT_CLAIMS_MISSING);
        assertThat(f.leg()).isEqualTo("step-up");
        assertThat(f.finding().message()).contains("ImmutableID (" + Signins.IMMUTABLE_ID_NS + ")").doesNotContain("UPN (");
    }

    @Test
    void immutableIdInTheWrongNamespaceDoesNotCount() {
        WsFedBuilder wrongNs = upnOnly(LegName.FRESH).attribute("ImmutableID", "http://schemas.xmlsoap.org/claims", "Ek1kNDbc2Ee3JZ0GQhEJwQ==");
        LegFinding f = assertFails(new UpnAndImmutableIdPresent().evaluate(Signins.wsfed(leg(LegName.NO_STEP_UP, rstr(LegName.NO_STEP_UP)),
                leg(LegName.STEP_UP, rstr(LegName.STEP_UP)), leg(LegName.FRESH, wrongNs))), CertifyCode.CERT_CLAIMS_MISSING);
        assertThat(f.leg()).isEqualTo("fresh");
    }
}
