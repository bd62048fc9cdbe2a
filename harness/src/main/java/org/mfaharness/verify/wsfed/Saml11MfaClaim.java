package org.mfaharness.verify.wsfed;

import java.util.ArrayList;
import java.util.List;
import org.mfaharness.artifact.saml.Saml11Assertion;
import org.mfaharness.artifact.saml.SamlAttribute;
import org.mfaharness.artifact.xml.Dom;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.assertion.MfaUris;

/**
 * Reads the MFA claim of a SAML 1.1 assertion the way Entra does (spec §1a): the multipleauthn (or
 * wiaormultiauthn) URI in AuthenticationStatement@AuthenticationMethod, in the {@code authenticationmethod}
 * attribute of namespace {@code http://schemas.microsoft.com/ws/2008/06/identity/claims}, or in AD FS's
 * {@code authnmethodsreferences} attribute of namespace {@code http://schemas.microsoft.com/claims}.
 *
 * @param code     the reason code that describes the claim
 * @param message  a full sentence
 * @param evidence where it was read
 */
public record Saml11MfaClaim(ReasonCode code, String message, Evidence evidence) {

    /** Whether the claim is in a form Entra honours (strong or weak). */
    public boolean honoured() {
        return code == ReasonCode.WSF_MFA_AUTHNSTMT || code == ReasonCode.WSF_MFA_ATTR_AUTHMETHOD
                || code == ReasonCode.WSF_MFA_ATTR_AMR || code == ReasonCode.WSF_MFA_WIA_OR_MFA;
    }

    /** Reads the claim of {@code a}. */
    public static Saml11MfaClaim of(Saml11Assertion a) {
        List<Place> places = documentedPlaces(a);
        // 1. The documented places, strongest evidence first.
        Place mfa = first(places, MfaUris.Match.MULTIPLEAUTHN);
        if (mfa != null && mfa.attribute() == null) {
            return new Saml11MfaClaim(ReasonCode.WSF_MFA_AUTHNSTMT,
                    "The IdP asserted MFA in AuthenticationStatement@AuthenticationMethod.", Evidence.at(mfa.path(), mfa.value()));
        }
        if (mfa != null) {
            boolean amr = MfaUris.AMR_NAME.equals(mfa.attribute().name());
            return new Saml11MfaClaim(amr ? ReasonCode.WSF_MFA_ATTR_AMR : ReasonCode.WSF_MFA_ATTR_AUTHMETHOD,
                    amr ? "The IdP asserted MFA in the AD FS authnmethodsreferences attribute (pass-through rule)."
                        : "The IdP asserted MFA in the authenticationmethod attribute.",
                    Evidence.at(mfa.path(), mfa.value()));
        }
        // 2. wiaormultiauthn: honoured but weak.
        Place weak = first(places, MfaUris.Match.WIAORMULTIAUTHN);
        if (weak != null) {
            return weak(weak.path(), weak.value());
        }
        // 3. Near misses in the documented places.
        Place nearMiss = first(places, MfaUris.Match.NEAR_MISS);
        if (nearMiss != null) {
            return malformed(nearMiss.path(), nearMiss.value());
        }
        // 4. The URI (or a near miss) in an attribute Entra does not read.
        for (SamlAttribute at : a.attributes()) {
            if (isDocumented(at)) {
                continue;
            }
            for (String v : at.values()) {
                if (MfaUris.resemblesMfa(v)) {
                    return new Saml11MfaClaim(ReasonCode.WSF_MFA_WRONG_ATTRIBUTE,
                            "The MFA URI is in attribute '" + at.name() + "' (namespace " + at.namespace()
                                    + "), which Entra does not read; use authenticationmethod in "
                                    + MfaUris.AUTHMETHOD_NAMESPACE + " or the AuthenticationStatement.",
                            Evidence.expected(at.path() + "/AttributeValue", v, MfaUris.AUTHMETHOD_NAMESPACE + "#" + MfaUris.AUTHMETHOD_NAME));
                }
            }
        }
        // 5. Nothing: list what the IdP did say.
        List<String> seen = new ArrayList<>();
        for (Place p : places) {
            if (p.value() != null) {
                seen.add(Dom.collapse(p.value()));
            }
        }
        String path = a.authenticationStatements().isEmpty() ? a.path() + "/AuthenticationStatement"
                : a.authenticationStatements().get(0).path() + "/@AuthenticationMethod";
        String msg = seen.isEmpty()
                ? "The assertion names no authentication method at all, so Entra sees no MFA claim."
                : "The IdP asserted only " + String.join(", ", seen) + "; Entra needs " + MfaUris.MULTIPLEAUTHN + ".";
        return new Saml11MfaClaim(ReasonCode.WSF_NO_MFA_CLAIM, msg,
                Evidence.expected(path, seen.isEmpty() ? null : String.join(" ", seen), MfaUris.MULTIPLEAUTHN));
    }

    private static Saml11MfaClaim weak(String path, String value) {
        return new Saml11MfaClaim(ReasonCode.WSF_MFA_WIA_OR_MFA,
                "The IdP asserted only wiaormultiauthn: Entra honours it, but Windows Integrated Authentication alone can produce it.",
                Evidence.at(path, value));
    }

    private static Saml11MfaClaim malformed(String path, String value) {
        return new Saml11MfaClaim(ReasonCode.WSF_MFA_URI_MALFORMED,
                "The value '" + Dom.collapse(value) + "' resembles the MFA URI but is not it (URIs compare exactly; that Entra refuses a"
                        + " wrong-case URI is unverified, a wrong scheme is certain).",
                Evidence.expected(path, value, MfaUris.MULTIPLEAUTHN));
    }

    /** A value in one of the places Entra reads, with its path; {@code attribute} is null for the statement. */
    private record Place(String path, String value, SamlAttribute attribute) {
    }

    /** The documented places in the order Entra's evidence ranks them: statements, then attributes. */
    private static List<Place> documentedPlaces(Saml11Assertion a) {
        List<Place> places = new ArrayList<>();
        for (Saml11Assertion.AuthenticationStatement st : a.authenticationStatements()) {
            places.add(new Place(st.path() + "/@AuthenticationMethod", st.method(), null));
        }
        for (SamlAttribute at : a.attributes()) {
            if (isDocumented(at)) {
                at.values().forEach(v -> places.add(new Place(at.path() + "/AttributeValue", v, at)));
            }
        }
        return places;
    }

    private static Place first(List<Place> places, MfaUris.Match match) {
        for (Place p : places) {
            if (MfaUris.classify(p.value()) == match) {
                return p;
            }
        }
        return null;
    }

    private static boolean isDocumented(SamlAttribute at) {
        return (MfaUris.AUTHMETHOD_NAME.equals(at.name()) && MfaUris.AUTHMETHOD_NAMESPACE.equals(at.namespace()))
                || (MfaUris.AMR_NAME.equals(at.name()) && MfaUris.AMR_NAMESPACE.equals(at.namespace()));
    }
}
