package org.mfaharness.certify.module;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.assertion.XmlTime;

/**
 * In the same browser as an earlier sign-in (so the IdP has a session), a request demanding fresh authentication
 * (WS-Fed {@code wfresh=0}, SAML 2.0 {@code ForceAuthn="true"}) makes the IdP ask for the password again, and the
 * authentication instant it reports is not older than the request. Subclassed per protocol for the module's name.
 */
abstract class FreshAuthentication extends PerLegModule {
    private final Fed fed;

    FreshAuthentication(Fed fed) {
        super(EnumSet.of(LegName.FRESH));
        this.fed = fed;
    }

    private String demand() {
        return fed == Fed.WSFED ? "wfresh=0" : "ForceAuthn=\"true\"";
    }

    @Override
    public String summary() {
        return "Passes when a sign-in with " + demand() + ", made in the browser that already holds the IdP's session, shows the "
                + "password page again (the drivers typed the password) and the assertion's authentication instant is not "
                + "older than that request (5 minutes of skew). An IdP that answers from its session fails.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(fed == Fed.WSFED ? Requirements.WSFED_WFRESH : Requirements.SAML_FORCEAUTHN);
    }

    @Override
    LegVerdict judge(Leg leg, CertificationEvidence e) {
        ArtifactJudgement r = leg.idpResponse().orElse(null);
        if (r == null) {
            return LegVerdict.notRun(leg.whyNothing(fed.response));
        }
        String src = requirements().get(0).source();
        Finding rec = fed.authnInstantOf(r);
        Instant t = rec == null ? null : XmlTime.parse(rec.evidence().value());
        if (!leg.typedPassword()) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_NOT_FRESH, "With " + demand()
                    + " the IdP answered from its session: no password was asked" + (t == null ? "." : " (authentication instant " + t + ")."),
                    Evidence.expected(demand(), rec == null ? null : rec.evidence().value(), "a fresh sign-in"), src));
        }
        if (t != null && t.isBefore(leg.startedAt().minus(e.options().clockSkew()))) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_NOT_FRESH, "The password was asked again, but the "
                    + "authentication instant " + t + " is older than the request (" + leg.startedAt() + ").",
                    Evidence.expected(demand(), rec.evidence().value(), "at or after " + leg.startedAt()), src));
        }
        return LegVerdict.of(Outcome.PASS, Local.pass(leg.label(), CertifyCode.CERT_FRESH, "With " + demand() + " the IdP asked for the password"
                + " again" + (t == null ? "." : "; authentication instant " + t + "."), Evidence.at(demand(), t == null ? null : t.toString()), src));
    }
}
