package org.mfaharness.certify;

/**
 * The reason codes of certify's own rules — facts the verdict engine has no rule for (metadata endpoints and keys,
 * sign-in completion, echoed wctx / RelayState, fresh authentication, the UPN / ImmutableID claims, the EAM
 * provider's handling of a failed second factor). Each says what a finding with it establishes; failing ones say what
 * to change. docs/reason-codes.md lists them after the engine's codes ({@code ReasonCodeCatalogueTest} keeps it true).
 * The severity a module reports is set by its plan; a code only says whether the fact passes or fails.
 */
public enum CertifyCode {
    CERT_META_CERT_VALID(true, "The metadata's signing certificate is valid now.", ""),
    CERT_META_CERT_EXPIRED(false, "The metadata's signing certificate has expired.",
            "Roll the token-signing certificate and publish the new one in the metadata."),
    CERT_META_CERT_NOT_YET_VALID(false, "The metadata's signing certificate is not valid yet.",
            "Publish a certificate that is valid now, and check the IdP's clock."),
    CERT_META_KEY_OK(true, "The signing key is RSA-2048 or stronger and its certificate is not signed with SHA-1.", ""),
    CERT_META_KEY_WEAK(false, "The signing key is shorter than RSA-2048, or its certificate is signed with SHA-1.",
            "Sign with an RSA key of at least 2048 bits in a certificate signed with SHA-256."),
    CERT_META_ENDPOINT(true, "The metadata names an https sign-in endpoint.", ""),
    CERT_META_NO_ENDPOINT(false, "The metadata names no passive requestor endpoint (WS-Fed) or HTTP-Redirect "
            + "SingleSignOnService (SAML 2.0).", "Publish the sign-in endpoint Entra sends users to in the metadata."),
    CERT_META_ENDPOINT_NOT_HTTPS(false, "The metadata's sign-in endpoint is not an https URL.",
            "Serve the sign-in endpoint over https and publish that URL."),
    CERT_SIGNIN_OK(true, "The IdP posted its response (wresult or SAMLResponse) to login.srf.", ""),
    CERT_SIGNIN_ERROR_PAGE(false, "The IdP answered the sign-in with an error page.",
            "Accept Entra's sign-in request for the test user: realm urn:federation:MicrosoftOnline, reply to login.srf."),
    CERT_SIGNIN_NO_RESPONSE(false, "The browser reached login.srf, but no wresult or SAMLResponse was posted there.",
            "Post the response to login.srf with the HTTP-POST binding (an auto-submitted form)."),
    CERT_CONTEXT_ECHOED(true, "wctx (WS-Fed) or RelayState (SAML 2.0) came back unchanged.", ""),
    CERT_CONTEXT_CHANGED(false, "wctx or RelayState is missing from the response, or differs from the one sent.",
            "Return wctx or RelayState exactly as received; Entra keeps its sign-in state there."),
    CERT_FRESH(true, "With wfresh=0 or ForceAuthn the IdP authenticated the user again.", ""),
    CERT_NOT_FRESH(false, "With wfresh=0 or ForceAuthn the IdP answered from its session, or reported an "
            + "authentication older than the request.",
            "Honour wfresh=0 and ForceAuthn=\"true\": authenticate again and report the new instant."),
    CERT_AUTHN_INSTANT_MISSING(false, "The assertion reports no authentication instant.",
            "Set AuthenticationInstant (SAML 1.1) or AuthnInstant (SAML 2.0) to the time the user authenticated."),
    CERT_AUTHN_INSTANT_MALFORMED(false, "The authentication instant is not an xs:dateTime with a time zone.",
            "Write the instant in UTC, for example 2026-12-01T10:00:00Z."),
    CERT_AUTHN_INSTANT_FUTURE(false, "The authentication instant is after the response arrived.",
            "Report the real time of the authentication, and check the IdP's clock."),
    CERT_AUTHN_INSTANT_STALE(false, "The authentication instant is before the harness's first request, in a browser "
            + "that had no session.", "Report the time of this authentication, not of an earlier one."),
    CERT_CLAIMS_OK(true, "The UPN and ImmutableID claims are present.", ""),
    CERT_CLAIMS_MISSING(false, "The assertion lacks the UPN or the ImmutableID claim Entra matches the user by.",
            "Issue the UPN and ImmutableID (the user's immutable id) claims for Microsoft Online."),
    CERT_CLAIM_AFTER_SECOND_FACTOR(true, "MFA was claimed after a second factor earlier in the same IdP session.", ""),
    CERT_NO_CLAIM(true, "No MFA claim was made where no second factor was asked for.", ""),
    CERT_EAM_JWKS_OK(true, "The provider's JWKS has keys, each with x5c.", ""),
    CERT_EAM_JWKS_UNREADABLE(false, "The provider's JWKS could not be read or used.",
            "Serve a JWKS at jwks_uri with RSA signing keys carrying kid and x5c."),
    CERT_EAM_ERROR_PAGE(false, "After the second factor the provider showed an error page instead of returning to Entra.",
            "After a successful second factor, POST id_token and state to Entra's redirect_uri."),
    CERT_EAM_NO_RESPONSE(false, "The browser reached Entra's redirect URI without a form_post from the provider.",
            "Answer with response_mode=form_post: POST id_token and state to the redirect_uri."),
    CERT_EAM_TOKEN_WITHOUT_MFA(false, "The provider issued an id_token although every code typed was wrong.",
            "Issue an id_token only after the second factor succeeded; otherwise report error=access_denied."),
    CERT_EAM_NO_TOKEN(true, "No id_token was issued for a failed second factor.", ""),
    CERT_EAM_ACCESS_DENIED(true, "The provider reported error=access_denied with state for a failed second factor.", ""),
    CERT_EAM_DENIAL_UNREPORTED(false, "After wrong codes the provider kept the user on its page and never reported the "
            + "failure to Entra.", "Post error=access_denied with state to the redirect_uri once the second factor has failed."),
    CERT_EAM_DENIAL_ERROR(false, "The provider reported an error other than access_denied for a failed second factor.",
            "Use error=access_denied for a failed or refused second factor."),
    CERT_EAM_DENIAL_STATE(false, "The provider's error response does not echo the request's state.",
            "Echo state in error responses too.");

    private final boolean passes;
    private final String meaning;
    private final String remediation;

    CertifyCode(boolean passes, String meaning, String remediation) {
        this.passes = passes;
        this.meaning = meaning;
        this.remediation = remediation;
    }

    /** Whether a finding with this code states a fact that passes. */
    public boolean passes() {
        return passes;
    }

    public String meaning() {
        return meaning;
    }

    /** What to change; empty for passing codes. */
    public String remediation() {
        return remediation;
    }
}
