package org.mfaharness.certify;

import org.mfaharness.verify.Sources;

/**
 * The rules the plans check, with stable ids. {@code SPEC-<section>-…} ids point into docs/spec/mfa-claims.md (the
 * section that states the rule, whose sources they carry); {@code WSFED-}, {@code SAML-} and {@code OIDC-} ids are
 * protocol-standard rules; {@code BP-} ids are best practice, which plans give the severity WARN.
 */
public final class Requirements {
    /** OASIS WS-Federation 1.2 (metadata section 3.1, passive requestor profile section 13). */
    public static final String WSFED_SPEC = "https://docs.oasis-open.org/wsfed/federation/v1.2/ws-federation.html";
    /** OASIS SAML 2.0 core (ForceAuthn, section 3.4.1). */
    public static final String SAML_CORE = "https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf";
    /** OASIS SAML 2.0 bindings (HTTP-Redirect, RelayState, section 3.4.3). */
    public static final String SAML_BINDINGS = "https://docs.oasis-open.org/security/saml/v2.0/saml-bindings-2.0-os.pdf";
    /** OASIS SAML 2.0 metadata (IDPSSODescriptor, KeyDescriptor). */
    public static final String SAML_METADATA = "https://docs.oasis-open.org/security/saml/v2.0/saml-metadata-2.0-os.pdf";
    /** Microsoft's identity-provider compatibility paper for WS-Fed (the UPN and ImmutableID claims). */
    public static final String STS_INTEGRATION = "https://www.microsoft.com/download/details.aspx?id=56843";
    /** OpenID Connect Core 1.0 (authentication error response, section 3.1.2.6). */
    public static final String OIDC_CORE = "https://openid.net/specs/openid-connect-core-1_0.html";
    /** NIST SP 800-131A: SHA-1 signatures and RSA keys under 2048 bits are disallowed. */
    public static final String NIST_800_131A = "https://csrc.nist.gov/pubs/sp/800/131/a/r2/final";

    // Metadata (both federation protocols).
    public static final Requirement META_SIGNING_CERT = new Requirement("SPEC-1-META-SIGNING-CERT",
            "The metadata names a currently valid token-signing certificate: Entra verifies assertions with the domain's signingCertificate.",
            Sources.FEDERATED_IDP_MFA_BEHAVIOR);
    public static final Requirement META_PASSIVE_ENDPOINT = new Requirement("SPEC-1a-META-PASSIVE-ENDPOINT",
            "The WS-Fed metadata names an https PassiveRequestorEndpoint: Entra sends the sign-in to the domain's passiveSignInUri.",
            WSFED_SPEC);
    public static final Requirement META_SSO_ENDPOINT = new Requirement("SPEC-1b-META-SSO-ENDPOINT",
            "The SAML 2.0 metadata names an https SingleSignOnService for the HTTP-Redirect binding, which Entra's AuthnRequest uses.",
            Sources.SAML_IDP);
    public static final Requirement BP_KEY_STRENGTH = new Requirement("BP-KEY-STRENGTH",
            "The signing key is RSA of at least 2048 bits and its certificate is not signed with SHA-1.", NIST_800_131A);

    // WS-Federation.
    public static final Requirement WSFED_SIGNIN = new Requirement("SPEC-1a-SIGNIN",
            "A wsignin1.0 request for urn:federation:MicrosoftOnline ends with an RSTR POSTed (wa, wresult) to the cloud's login.srf.",
            Sources.INBOUND_ASSERTIONS);
    public static final Requirement WSFED_SIGNED = new Requirement("SPEC-1a-SIGNED",
            "The assertion is signed under the XML-DSig profile and verifies with the metadata's signing certificate.",
            Sources.XMLDSIG_PROFILE);
    public static final Requirement WSFED_AUDIENCE = new Requirement("SPEC-1a-AUDIENCE",
            "The assertion's audience is urn:federation:MicrosoftOnline.", Sources.INBOUND_ASSERTIONS);
    public static final Requirement WSFED_LIFETIME = new Requirement("SPEC-1a-LIFETIME",
            "The assertion is valid when it arrives (NotBefore / NotOnOrAfter, 5 minutes of skew).", Sources.INBOUND_ASSERTIONS);
    public static final Requirement WSFED_CLAIMS = new Requirement("SPEC-1a-CLAIMS",
            "The assertion carries the UPN (http://schemas.xmlsoap.org/claims) and ImmutableID "
                    + "(http://schemas.microsoft.com/LiveID/Federation/2008/05) claims Entra maps the user with.",
            STS_INTEGRATION);
    public static final Requirement WSFED_AUTHNMETHOD = new Requirement("SPEC-1a-AUTHNMETHOD",
            "After MFA the assertion carries http://schemas.microsoft.com/claims/multipleauthn, exactly, in "
                    + "AuthenticationStatement@AuthenticationMethod or the authenticationmethod / authnmethodsreferences attribute.",
            Sources.INBOUND_ASSERTIONS);
    public static final Requirement WSFED_WAUTH = new Requirement("SPEC-1a-WAUTH",
            "When Entra sends wauth=http://schemas.microsoft.com/claims/multipleauthn the IdP performs MFA and issues the claim.",
            Sources.WAUTH);
    public static final Requirement WSFED_AUTHNINSTANT = new Requirement("SPEC-1a-AUTHNINSTANT",
            "The assertion reports the authentication instant (Entra's sign-in frequency uses it), and the time is sane.",
            Sources.INBOUND_ASSERTIONS);
    public static final Requirement WSFED_WFRESH = new Requirement("SPEC-1a-WFRESH",
            "wfresh=0 (sent by Entra with prompt=login) makes the IdP authenticate the user again before issuing a token.",
            Sources.WAUTH);
    public static final Requirement WSFED_WCTX = new Requirement("WSFED-13-WCTX",
            "The wctx value of the request is returned unchanged with the response.", WSFED_SPEC);

    // SAML 2.0.
    public static final Requirement SAML_SIGNIN = new Requirement("SPEC-1b-SIGNIN",
            "An HTTP-Redirect AuthnRequest from urn:federation:MicrosoftOnline ends with a Response POSTed to the cloud's login.srf.",
            Sources.SAML_IDP);
    public static final Requirement SAML_STATUS = new Requirement("SPEC-1b-STATUS",
            "The Response's StatusCode is Success.", Sources.SAML_IDP);
    public static final Requirement SAML_SIGNED = new Requirement("SPEC-1b-SIGNED",
            "The assertion itself is signed (a signed Response alone is not enough) and verifies with the metadata's certificate.",
            Sources.SAML_IDP);
    public static final Requirement SAML_ISSUER = new Requirement("SPEC-1b-ISSUER",
            "The assertion's Issuer is the domain's IssuerUri (the metadata's entityID), character for character.", Sources.SAML_IDP);
    public static final Requirement SAML_AUDIENCE = new Requirement("SPEC-1b-AUDIENCE",
            "The assertion's audience is urn:federation:MicrosoftOnline.", Sources.SAML_IDP);
    public static final Requirement SAML_RECIPIENT = new Requirement("SPEC-1b-RECIPIENT",
            "The bearer SubjectConfirmationData@Recipient is the cloud's login.srf.", Sources.SAML_IDP);
    public static final Requirement SAML_INRESPONSETO = new Requirement("SPEC-1b-INRESPONSETO",
            "InResponseTo equals the ID of Entra's AuthnRequest.", Sources.SAML_IDP);
    public static final Requirement SAML_NAMEID = new Requirement("SPEC-1b-NAMEID",
            "NameID has Format urn:oasis:names:tc:SAML:2.0:nameid-format:persistent (value: the ImmutableID).", Sources.SAML_IDP);
    public static final Requirement SAML_IDPEMAIL = new Requirement("SPEC-1b-IDPEMAIL",
            "The IDPEmail attribute carries the user's UPN.", Sources.SAML_IDP);
    public static final Requirement SAML_LIFETIME = new Requirement("SPEC-1b-LIFETIME",
            "The assertion is valid when it arrives (Conditions and bearer NotOnOrAfter, 5 minutes of skew).", Sources.SAML_IDP);
    public static final Requirement SAML_CLASSREF = new Requirement("SPEC-1b-CLASSREF",
            "After MFA, AuthnStatement/AuthnContext/AuthnContextClassRef is http://schemas.microsoft.com/claims/multipleauthn.",
            Sources.INBOUND_ASSERTIONS);
    public static final Requirement SAML_ATTRIBUTES_IGNORED = new Requirement("SPEC-1b-ATTRIBUTES-IGNORED",
            "MFA asserted only in attributes (authnmethodsreferences, multifactorauthenticationinstant) is ignored by Entra.",
            Sources.INBOUND_ASSERTIONS);
    public static final Requirement SAML_ONE_METHOD = new Requirement("SPEC-1b-ONE-METHOD",
            "Only one authentication method can be given: one AuthnStatement with one AuthnContextClassRef.", Sources.INBOUND_ASSERTIONS);
    public static final Requirement SAML_AUTHNINSTANT = new Requirement("SPEC-1b-AUTHNINSTANT",
            "AuthnInstant is present (Entra's sign-in frequency uses it) and sane.", Sources.INBOUND_ASSERTIONS);
    public static final Requirement SAML_FORCEAUTHN = new Requirement("SAML-3.4.1-FORCEAUTHN",
            "ForceAuthn=\"true\" makes the IdP authenticate the presenter directly rather than rely on a previous session.",
            SAML_CORE);
    public static final Requirement SAML_RELAYSTATE = new Requirement("SAML-BIND-3.4.3-RELAYSTATE",
            "The RelayState of the request is returned unchanged with the response.", SAML_BINDINGS);

    // Both federation protocols.
    public static final Requirement NO_FALSE_POSITIVE = new Requirement("SPEC-d10-NO-FALSE-POSITIVE",
            "The MFA claim is asserted only after a second factor was performed in the IdP session (no static or excluded-user claim).",
            "docs/spec/mfa-claims.md#7-vendor-behavior-seen-in-the-field");
    public static final Requirement BP_SHA256 = new Requirement("BP-XMLDSIG-SHA256",
            "Signatures use RSA-SHA256, not the deprecated RSA-SHA1.", Sources.XMLDSIG_PROFILE);

    // External Authentication Methods.
    public static final Requirement EAM_DISCOVERY = new Requirement("SPEC-3-DISCOVERY",
            "The discovery URL is https and ends in /.well-known/openid-configuration; the document has an exact https issuer, "
                    + "authorization_endpoint, https jwks_uri, scopes_supported ∋ openid, response_types_supported ∋ id_token, "
                    + "subject_types_supported, id_token_signing_alg_values_supported ∋ RS256, claim_types_supported ∋ normal if present.",
            Sources.EAM);
    public static final Requirement EAM_JWKS_X5C = new Requirement("SPEC-3-JWKS-X5C",
            "Every key at jwks_uri has x5c, whose certificate's key is the JWK's n/e.", Sources.EAM);
    public static final Requirement EAM_ID_TOKEN = new Requirement("SPEC-3-ID-TOKEN",
            "After the second factor the provider form_posts id_token (and state) to Entra's redirect_uri.", Sources.EAM);
    public static final Requirement EAM_SIGNATURE = new Requirement("SPEC-3-SIGNATURE",
            "The id_token is RS256-signed by a key published at jwks_uri.", Sources.EAM);
    public static final Requirement EAM_ISSUER = new Requirement("SPEC-3-ISSUER",
            "The id_token's iss equals the discovery issuer character for character.", Sources.EAM);
    public static final Requirement EAM_AUD = new Requirement("SPEC-3-AUD",
            "The id_token's aud is the client_id of the request.", Sources.EAM);
    public static final Requirement EAM_SUB = new Requirement("SPEC-3-SUB",
            "The id_token's sub is the sub of the id_token_hint.", Sources.EAM);
    public static final Requirement EAM_NONCE = new Requirement("SPEC-3-NONCE",
            "The id_token echoes the request's nonce.", Sources.EAM);
    public static final Requirement EAM_STATE = new Requirement("SPEC-3-STATE",
            "The response echoes the request's state.", Sources.EAM);
    public static final Requirement EAM_LIFETIME = new Requirement("SPEC-3-LIFETIME",
            "The id_token has numeric exp and iat and is valid when it arrives.", Sources.EAM);
    public static final Requirement EAM_ACR = new Requirement("SPEC-3-ACR",
            "acr is one value, one of those the request's claims parameter asked for.", Sources.EAM);
    public static final Requirement EAM_AMR = new Requirement("SPEC-3-AMR",
            "amr is an array of exactly one allowed method (possession or inherence), of a type other than the first factor's.",
            Sources.EAM);
    public static final Requirement EAM_NO_TOKEN_WITHOUT_MFA = new Requirement("SPEC-3-NO-TOKEN-WITHOUT-MFA",
            "A user who fails the second factor gets no id_token.", Sources.EAM);
    public static final Requirement EAM_ERROR = new Requirement("SPEC-3-ERROR",
            "A failed second factor is reported to Entra as an error response (error=access_denied, with state).", OIDC_CORE);

    private Requirements() {
    }
}
