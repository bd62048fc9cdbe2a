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
        // 1. The documented places, strongest evidence first.
        for (Saml11Assertion.AuthenticationStatement st : a.authenticationStatements()) {
            if (MfaUris.classify(st.method()) == MfaUris.Match.MULTIPLEAUTHN) {
                return new Saml11MfaClaim(ReasonCode.WSF_MFA_AUTHNSTMT,
                        "The IdP asserted MFA in AuthenticationStatement@AuthenticationMethod.",
                        Evidence.at(st.path() + "/@AuthenticationMethod", st.method()));
            }
        }
        for (SamlAttribute at : documented(a)) {
            for (String v : at.values()) {
                if (MfaUris.classify(v) == MfaUris.Match.MULTIPLEAUTHN) {
                    boolean amr = MfaUris.AMR_NAME.equals(at.name());
                    return new Saml11MfaClaim(amr ? ReasonCode.WSF_MFA_ATTR_AMR : ReasonCode.WSF_MFA_ATTR_AUTHMETHOD,
                            amr ? "The IdP asserted MFA in the AD FS authnmethodsreferences attribute (pass-through rule)."
                                : "The IdP asserted MFA in the authenticationmethod attribute.",
                            Evidence.at(at.path() + "/AttributeValue", v));
                }
            }
        }
        // 2. wiaormultiauthn: honoured but weak.
        for (Saml11Assertion.AuthenticationStatement st : a.authenticationStatements()) {
            if (MfaUris.classify(st.method()) == MfaUris.Match.WIAORMULTIAUTHN) {
                return weak(st.path() + "/@AuthenticationMethod", st.method());
            }
        }
        for (SamlAttribute at : documented(a)) {
            for (String v : at.values()) {
                if (MfaUris.classify(v) == MfaUris.Match.WIAORMULTIAUTHN) {
                    return weak(at.path() + "/AttributeValue", v);
                }
            }
        }
        // 3. Near misses in the documented places.
        for (Saml11Assertion.AuthenticationStatement st : a.authenticationStatements()) {
            if (MfaUris.classify(st.method()) == MfaUris.Match.NEAR_MISS) {
                return malformed(st.path() + "/@AuthenticationMethod", st.method());
            }
        }
        for (SamlAttribute at : documented(a)) {
            for (String v : at.values()) {
                if (MfaUris.classify(v) == MfaUris.Match.NEAR_MISS) {
                    return malformed(at.path() + "/AttributeValue", v);
                }
            }
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
        for (Saml11Assertion.AuthenticationStatement st : a.authenticationStatements()) {
            if (st.method() != null) {
                seen.add(Dom.collapse(st.method()));
            }
        }
        for (SamlAttribute at : documented(a)) {
            at.values().forEach(v -> seen.add(Dom.collapse(v)));
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

    private static List<SamlAttribute> documented(Saml11Assertion a) {
        return a.attributes().stream().filter(Saml11MfaClaim::isDocumented).toList();
    }

    private static boolean isDocumented(SamlAttribute at) {
        return (MfaUris.AUTHMETHOD_NAME.equals(at.name()) && MfaUris.AUTHMETHOD_NAMESPACE.equals(at.namespace()))
                || (MfaUris.AMR_NAME.equals(at.name()) && MfaUris.AMR_NAMESPACE.equals(at.namespace()));
    }
}
