package org.mfaharness.certify.module;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Delivery;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.Evidence;

/**
 * A user who fails the second factor is sent back to Entra with the documented failure response: {@code error=
 * access_denied} and the request's {@code state}, form_posted to the redirect URI (spec section 3, OIDC Core
 * 3.1.2.6), rather than being left on the provider's page until Entra drops the attempt. Certify-only rule on what
 * reached the redirect URI; plans call it with WARN.
 */
public final class AccessDeniedIsReported extends PerLegModule {
    public AccessDeniedIsReported() {
        super(EnumSet.of(LegName.EAM_DENIAL));
    }

    @Override
    public String displayName() {
        return "A failed second factor is reported as access_denied";
    }

    @Override
    public String summary() {
        return "Passes when, after the wrong codes of the denial sign-in, the provider form_posts error=access_denied with the "
                + "request's state to Entra's redirect URI. Another error value, a changed state, or a provider that keeps the "
                + "user on its page (Entra then drops the attempt after about 5 minutes) does not.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.EAM_ERROR);
    }

    @Override
    LegVerdict judge(Leg leg, CertificationEvidence e) {
        String src = Requirements.EAM_ERROR.source();
        Delivery d = leg.delivery("/federation/externalauthprovider").orElse(null);
        if (d == null) {
            if (!leg.typedCode()) {
                return LegVerdict.notRun((leg.failure() == null ? "no code page was shown." : leg.failure()));
            }
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_EAM_DENIAL_UNREPORTED, "After wrong codes the provider "
                    + (leg.failure() != null ? "kept the user on its page and never reported the failure to Entra (" + leg.failure() + ")."
                    : "sent the browser to Entra's redirect URI without posting error=access_denied."),
                    Evidence.expected("error", null, "access_denied"), src));
        }
        if (d.field("id_token") != null) {
            return LegVerdict.notRun("the provider issued an id_token (NoIdTokenWithoutSecondFactor fails).");
        }
        String error = d.field("error");
        if (!"access_denied".equals(error)) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_EAM_DENIAL_ERROR, "The provider reported error=" + error
                    + " for a failed second factor; Entra documents access_denied.", Evidence.expected("error", error, "access_denied"), src));
        }
        if (!Objects.equals(d.field("state"), leg.sent().get("state"))) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_EAM_DENIAL_STATE, "The error response does not echo the "
                    + "request's state.", Evidence.expected("state", d.field("state"), leg.sent().get("state")), src));
        }
        return LegVerdict.of(Outcome.PASS, Local.pass(leg.label(), CertifyCode.CERT_EAM_ACCESS_DENIED, "The provider reported error=access_denied"
                + " with state after " + (leg.typedCode() ? "the wrong codes." : "refusing the user."), Evidence.at("error", error), src));
    }
}
