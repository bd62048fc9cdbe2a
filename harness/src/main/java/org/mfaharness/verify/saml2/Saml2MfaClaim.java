package org.mfaharness.verify.saml2;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.artifact.saml.SamlAttribute;
import org.mfaharness.artifact.xml.Dom;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.assertion.MfaUris;

/**
 * Reads the MFA claim of a SAML 2.0 assertion the way Entra does (spec §1b): only
 * AuthnStatement/AuthnContext/AuthnContextClassRef counts, and only {@code …/claims/multipleauthn}; attributes
 * (including {@code multifactorauthenticationinstant}) are ignored; generic MFA classes are not read.
 *
 * @param code     the reason code describing the claim
 * @param message  a full sentence
 * @param evidence where it was read
 */
public record Saml2MfaClaim(ReasonCode code, String message, Evidence evidence) {

    /** Standard MFA classes Entra does not read. */
    public static final Set<String> NON_MICROSOFT_MFA_CLASSES = Set.of(
            "https://refeds.org/profile/mfa",
            "http://id.incommon.org/assurance/mfa",
            "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
            "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorUnregistered",
            "urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken",
            "urn:oasis:names:tc:SAML:2.0:ac:classes:MultiFactor",
            "http://schemas.openid.net/pape/policies/2007/06/multi-factor");

    /** Whether the claim is in a form Entra honours (strong or weak). */
    public boolean honoured() {
        return code == ReasonCode.S2_MFA_CLASSREF || code == ReasonCode.S2_MFA_CLASSREF_UNDOCUMENTED;
    }

    /** Reads the claim of {@code a}. */
    public static Saml2MfaClaim of(Saml2Assertion a) {
        List<String> refs = new ArrayList<>();
        String refPath = a.path() + "/AuthnStatement/AuthnContext/AuthnContextClassRef";
        for (Saml2Assertion.AuthnStatement st : a.authnStatements()) {
            st.classRefs().forEach(r -> refs.add(Dom.collapse(r)));
        }
        for (String r : refs) {
            if (MfaUris.classify(r) == MfaUris.Match.MULTIPLEAUTHN) {
                return new Saml2MfaClaim(ReasonCode.S2_MFA_CLASSREF,
                        "The IdP asserted MFA in AuthnContextClassRef.", Evidence.at(refPath, r));
            }
        }
        for (String r : refs) {
            if (MfaUris.classify(r) == MfaUris.Match.WIAORMULTIAUTHN) {
                return new Saml2MfaClaim(ReasonCode.S2_MFA_CLASSREF_UNDOCUMENTED,
                        "The AuthnContextClassRef is wiaormultiauthn, which Microsoft documents only for WS-Fed; whether Entra honours it in SAML 2.0 is unverified.",
                        Evidence.expected(refPath, r, MfaUris.MULTIPLEAUTHN));
            }
        }
        for (String r : refs) {
            if (MfaUris.classify(r) == MfaUris.Match.NEAR_MISS) {
                return new Saml2MfaClaim(ReasonCode.S2_MFA_URI_MALFORMED,
                        "The AuthnContextClassRef '" + r + "' resembles the MFA URI but is not it (URIs compare exactly).",
                        Evidence.expected(refPath, r, MfaUris.MULTIPLEAUTHN));
            }
        }
        for (String r : refs) {
            if (NON_MICROSOFT_MFA_CLASSES.contains(r)) {
                return new Saml2MfaClaim(ReasonCode.S2_NONMICROSOFT_MFA_CLASS,
                        "The AuthnContextClassRef '" + r + "' is a standard MFA class that Entra does not read.",
                        Evidence.expected(refPath, r, MfaUris.MULTIPLEAUTHN));
            }
        }
        for (SamlAttribute at : a.attributes()) {
            boolean instant = MfaUris.MFA_INSTANT.equals(at.name());
            boolean mfaValue = at.values().stream().anyMatch(MfaUris::resemblesMfa);
            if (instant || mfaValue) {
                return new Saml2MfaClaim(ReasonCode.S2_MFA_IN_ATTRIBUTES_IGNORED,
                        "The IdP put MFA in attribute '" + at.name() + "', which Entra ignores for SAML 2.0; the AuthnContextClassRef is "
                                + (refs.isEmpty() ? "absent" : String.join(", ", refs)) + ".",
                        Evidence.expected(at.path(), at.values().isEmpty() ? null : at.values().get(0),
                                "AuthnContextClassRef " + MfaUris.MULTIPLEAUTHN));
            }
        }
        String msg = refs.isEmpty()
                ? "The assertion has no AuthnContextClassRef, so Entra sees no MFA claim."
                : "The AuthnContextClassRef is " + String.join(", ", refs) + ", not " + MfaUris.MULTIPLEAUTHN + ".";
        return new Saml2MfaClaim(ReasonCode.S2_NO_MFA_CLAIM, msg,
                Evidence.expected(refPath, refs.isEmpty() ? null : String.join(" ", refs), MfaUris.MULTIPLEAUTHN));
    }
}
