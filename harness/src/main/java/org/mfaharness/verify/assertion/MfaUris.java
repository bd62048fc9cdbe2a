package org.mfaharness.verify.assertion;

import java.util.Locale;
import org.mfaharness.artifact.xml.Dom;

/**
 * The MFA URIs Entra honours from federated IdPs and how a written value relates to them. Values are compared
 * exactly, case-sensitively, after xs:anyURI whitespace collapsing; anything that only resembles them (https
 * scheme, other case, trailing slash) is a near miss. Source: spec §1a, §1b.
 */
public final class MfaUris {
    /** Multiple authentication: the MFA claim. */
    public static final String MULTIPLEAUTHN = "http://schemas.microsoft.com/claims/multipleauthn";
    /** WIA or MFA: honoured by Entra for WS-Fed, but weak evidence. */
    public static final String WIAORMULTIAUTHN = "http://schemas.microsoft.com/claims/wiaormultiauthn";
    /** Namespace of the documented {@code authenticationmethod} attribute (SAML 1.1). */
    public static final String AUTHMETHOD_NAMESPACE = "http://schemas.microsoft.com/ws/2008/06/identity/claims";
    public static final String AUTHMETHOD_NAME = "authenticationmethod";
    /** Namespace of AD FS's {@code authnmethodsreferences} pass-through (SAML 1.1). */
    public static final String AMR_NAMESPACE = "http://schemas.microsoft.com/claims";
    public static final String AMR_NAME = "authnmethodsreferences";
    /** The attribute Entra ignores for MFA in SAML 2.0. */
    public static final String MFA_INSTANT = "http://schemas.microsoft.com/ws/2017/04/identity/claims/multifactorauthenticationinstant";

    /** How a value relates to the MFA URIs. */
    public enum Match {
        MULTIPLEAUTHN,
        WIAORMULTIAUTHN,
        /** Resembles one of them (scheme, case, trailing slash) without being it. */
        NEAR_MISS,
        NONE
    }

    private MfaUris() {
    }

    /** Classifies a raw value as written in the assertion. */
    public static Match classify(String raw) {
        if (raw == null) {
            return Match.NONE;
        }
        String v = Dom.collapse(raw);
        if (v.equals(MULTIPLEAUTHN)) {
            return Match.MULTIPLEAUTHN;
        }
        if (v.equals(WIAORMULTIAUTHN)) {
            return Match.WIAORMULTIAUTHN;
        }
        String n = v.toLowerCase(Locale.ROOT).replaceFirst("^https://", "http://");
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.equals(MULTIPLEAUTHN) || n.equals(WIAORMULTIAUTHN) ? Match.NEAR_MISS : Match.NONE;
    }

    /** Whether a value is one of the MFA URIs or a near miss of one. */
    public static boolean resemblesMfa(String raw) {
        return classify(raw) != Match.NONE;
    }
}
