package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.ReasonCode;

/**
 * Each sign-in the harness starts ends with the IdP POSTing a readable response to the harness's login.srf. An IdP
 * error page fails it; a sign-in the drivers could not finish (a page they do not know, a timeout) could not run.
 * Owns the verdict engine's parse codes ({@code WSF_PARSE_ERROR}, {@code S2_PARSE_ERROR}, {@code XML_REFUSED}).
 */
public final class SignInCompletesAtLoginSrf extends PerLegModule {
    private static final Set<String> PARSE = Set.of(ReasonCode.WSF_PARSE_ERROR.name(), ReasonCode.S2_PARSE_ERROR.name(),
            ReasonCode.XML_REFUSED.name());
    private final Fed fed;

    public SignInCompletesAtLoginSrf(Fed fed) {
        super(FindingsModule.FEDERATED_LEGS);
        this.fed = fed;
    }

    @Override
    public String displayName() {
        return "Each sign-in ends with a response POSTed to login.srf";
    }

    @Override
    public String summary() {
        return "Passes when each of the three sign-ins the harness starts (" + (fed == Fed.WSFED
                ? "wsignin1.0 without wauth, with wauth, with wauth and wfresh=0" : "AuthnRequest without, with "
                + "RequestedAuthnContext, with ForceAuthn") + ") ends with the IdP POSTing a readable " + fed.response
                + " to the harness's login.srf. An IdP error page fails; a sign-in the drivers could not finish is reported as not run.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(fed == Fed.WSFED ? Requirements.WSFED_SIGNIN : Requirements.SAML_SIGNIN);
    }

    @Override
    LegVerdict judge(Leg leg, CertificationEvidence e) {
        String src = requirements().get(0).source();
        if (!leg.completed()) {
            if ("ERROR_PAGE".equals(leg.failureKind())) {
                return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_SIGNIN_ERROR_PAGE, "The IdP answered with an error page: "
                        + leg.failure(), Evidence.at("sign-in", leg.failureKind()), src));
            }
            return LegVerdict.notRun(leg.failure());
        }
        ArtifactJudgement r = leg.idpResponse().orElse(null);
        if (r == null) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_SIGNIN_NO_RESPONSE, "The browser reached login.srf, but no "
                    + fed.response + " was posted there.", Evidence.expected("login.srf", null, fed == Fed.WSFED ? "wresult" : "SAMLResponse"), src));
        }
        for (Finding f : r.findings()) {
            if (PARSE.contains(f.code())) {
                return LegVerdict.of(Outcome.FAIL, new org.mfaharness.certify.LegFinding(leg.label(), f));
            }
        }
        return LegVerdict.of(Outcome.PASS, Local.pass(leg.label(), CertifyCode.CERT_SIGNIN_OK, "The IdP POSTed a " + fed.response + " to login.srf"
                + (leg.steps().isEmpty() ? " without asking anything (single sign-on)." : " after " + leg.steps().size() + " page step(s)."),
                Evidence.at(r.artifact().origin().field() == null ? "" : r.artifact().origin().field(), r.artifact().origin().url()), src));
    }
}
