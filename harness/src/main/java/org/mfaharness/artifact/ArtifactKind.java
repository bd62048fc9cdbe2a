package org.mfaharness.artifact;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of artifact, with the names used in JSON output, reports and {@code --kind}. */
public enum ArtifactKind {
    /** A WS-Trust RSTR (2005/02 or 1.3, possibly in a collection) carrying a SAML assertion: the WS-Fed wresult. */
    WSFED_RSTR("wsfed-rstr"),
    /** A bare SAML 1.1 assertion. */
    SAML11_ASSERTION("saml11-assertion"),
    /** A SAML 2.0 samlp:Response. */
    SAML2_RESPONSE("saml2-response"),
    /** A bare SAML 2.0 assertion. */
    SAML2_ASSERTION("saml2-assertion"),
    /** A JWT issued by Entra ID (id or access token). */
    ENTRA_TOKEN("entra-token"),
    /** An id_token from an External Authentication Method provider. */
    EAM_ID_TOKEN("eam-id-token"),
    /** A bearer token that is not a JWT. */
    OPAQUE_TOKEN("opaque-token"),
    /** An AADSTS error from Entra (page text or token-endpoint JSON). */
    ENTRA_ERROR("entra-error"),
    /** A Partner Center (or Graph partner API) error body. */
    PARTNER_CENTER_ERROR("partner-center-error"),
    /** Entra's WS-Fed sign-in request to the IdP (wa=wsignin1.0 with wauth, wfresh…). */
    WSFED_SIGNIN_REQUEST("wsfed-signin-request"),
    /** Entra's SAML 2.0 AuthnRequest to the IdP. */
    SAML2_AUTHN_REQUEST("saml2-authn-request"),
    /** Entra's OIDC authorize POST to an EAM provider. */
    EAM_REQUEST("eam-request"),
    /** The EAM provider's form_post back to Entra (id_token, state or error). */
    EAM_RESPONSE("eam-response"),
    /** A request to Entra's token endpoint (grant type, client, scope; secrets never kept). */
    TOKEN_REQUEST("token-request"),
    /** Something observed in traffic that is not a token: Entra's own MFA prompt, an IdP second-factor page. */
    SIGN_IN_EVENT("sign-in-event"),
    /** Input that looked like an artifact but could not be read. */
    UNREADABLE("unreadable");

    private final String label;

    ArtifactKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Parses the label used on the command line. */
    public static ArtifactKind fromLabel(String s) {
        for (ArtifactKind k : values()) {
            if (k.label.equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown artifact kind '" + s + "'");
    }
}
