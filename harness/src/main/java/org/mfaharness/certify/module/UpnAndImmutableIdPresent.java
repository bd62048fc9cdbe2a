package org.mfaharness.certify.module;

import java.util.ArrayList;
import java.util.List;
import org.mfaharness.artifact.WsFedResponse;
import org.mfaharness.artifact.saml.Saml11Assertion;
import org.mfaharness.artifact.saml.SamlAttribute;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Evidence;

/**
 * The SAML 1.1 assertion carries the claims Entra maps a federated user with: {@code UPN}
 * ({@code http://schemas.xmlsoap.org/claims}) and {@code ImmutableID}
 * ({@code http://schemas.microsoft.com/LiveID/Federation/2008/05}). Certify-only rule (the verdict engine judges MFA,
 * not user mapping), read from the parsed assertion.
 */
public final class UpnAndImmutableIdPresent extends PerLegModule {
    static final String UPN_NS = "http://schemas.xmlsoap.org/claims";
    static final String IMMUTABLE_ID_NS = "http://schemas.microsoft.com/LiveID/Federation/2008/05";

    public UpnAndImmutableIdPresent() {
        super(FindingsModule.FEDERATED_LEGS);
    }

    @Override
    public String displayName() {
        return "The UPN and ImmutableID claims are present";
    }

    @Override
    public String summary() {
        return "Passes when every assertion has the UPN attribute (namespace http://schemas.xmlsoap.org/claims) and the ImmutableID "
                + "attribute (namespace http://schemas.microsoft.com/LiveID/Federation/2008/05), each with a value: Entra finds "
                + "the user by them.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.WSFED_CLAIMS);
    }

    @Override
    LegVerdict judge(Leg leg, CertificationEvidence e) {
        ArtifactJudgement r = leg.idpResponse().orElse(null);
        if (r == null || !(r.artifact() instanceof WsFedResponse rstr) || rstr.assertions().isEmpty()
                || !(rstr.assertions().get(0) instanceof Saml11Assertion a)) {
            return LegVerdict.notRun(leg.whyNothing("SAML 1.1 assertion"));
        }
        String src = Requirements.WSFED_CLAIMS.source();
        List<String> missing = new ArrayList<>();
        String upn = value(a, "UPN", UPN_NS);
        String immutable = value(a, "ImmutableID", IMMUTABLE_ID_NS);
        if (upn == null) {
            missing.add("UPN (" + UPN_NS + ")");
        }
        if (immutable == null) {
            missing.add("ImmutableID (" + IMMUTABLE_ID_NS + ")");
        }
        if (!missing.isEmpty()) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_CLAIMS_MISSING, "The assertion lacks "
                    + String.join(" and ", missing) + ".", Evidence.expected(a.path() + "/AttributeStatement", null,
                    String.join(", ", missing)), src));
        }
        return LegVerdict.of(Outcome.PASS, Local.pass(leg.label(), CertifyCode.CERT_CLAIMS_OK, "UPN " + upn + " and ImmutableID " + immutable
                + " are present.", Evidence.at(a.path() + "/AttributeStatement", upn), src));
    }

    private static String value(Saml11Assertion a, String name, String ns) {
        for (SamlAttribute at : a.attributes()) {
            if (name.equals(at.name()) && ns.equals(at.namespace())) {
                for (String v : at.values()) {
                    if (!v.isBlank()) {
                        return v.strip();
                    }
                }
            }
        }
        return null;
    }
}
