package org.mfaharness.certify.module;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.assertion.XmlTime;

/**
 * The assertion reports when the user authenticated (read by the verdict engine's {@code RecordAuthenticationInstant}
 * / {@code RecordAuthnInstant}), and the time is sane: an xs:dateTime with a zone, not in the future, and not before
 * the harness's first request of the run (the browser started without any IdP session).
 */
public final class AuthenticationInstantPresent extends PerLegModule {
    private final Fed fed;

    public AuthenticationInstantPresent(Fed fed) {
        super(FindingsModule.FEDERATED_LEGS);
        this.fed = fed;
    }

    private String instantName() {
        return fed == Fed.WSFED ? "authenticationinstant" : "AuthnInstant";
    }

    @Override
    public String displayName() {
        return "The authentication instant is present and sane";
    }

    @Override
    public String summary() {
        return "Passes when every assertion reports " + (fed == Fed.WSFED
                ? "the authenticationinstant claim (or AuthenticationStatement@AuthenticationInstant)" : "AuthnStatement@AuthnInstant")
                + " as a UTC xs:dateTime that is neither in the future nor earlier than the harness's first request of the run "
                + "(5 minutes of skew). Entra's sign-in frequency is computed from it.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(fed == Fed.WSFED ? Requirements.WSFED_AUTHNINSTANT : Requirements.SAML_AUTHNINSTANT);
    }

    @Override
    LegVerdict judge(Leg leg, CertificationEvidence e) {
        ArtifactJudgement r = leg.idpResponse().orElse(null);
        if (r == null) {
            return LegVerdict.notRun(leg.whyNothing(fed.response));
        }
        Finding rec = fed.authnInstantOf(r);
        String src = requirements().get(0).source();
        if (rec == null) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_AUTHN_INSTANT_MISSING, "The assertion reports no " + instantName() + ".",
                    Evidence.expected(instantName(), null, "an xs:dateTime"), src));
        }
        LegFinding recorded = new LegFinding(leg.label(), rec);
        Instant t = XmlTime.parse(rec.evidence().value());
        if (t == null) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_AUTHN_INSTANT_MALFORMED, "The " + instantName() + " '"
                    + rec.evidence().value() + "' is not an xs:dateTime with a time zone.", rec.evidence(), src));
        }
        Duration skew = e.options().clockSkew();
        Instant first = e.legs().get(0).startedAt();
        if (t.isAfter(leg.finishedAt().plus(skew))) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_AUTHN_INSTANT_FUTURE, "The " + instantName() + " " + t
                    + " is after the response arrived (" + leg.finishedAt() + ").", rec.evidence(), src));
        }
        if (t.isBefore(first.minus(skew))) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_AUTHN_INSTANT_STALE, "The " + instantName() + " " + t
                    + " is before the harness's first request (" + first + "), in a browser that had no session.", rec.evidence(), src));
        }
        return LegVerdict.of(Outcome.PASS, recorded);
    }
}
