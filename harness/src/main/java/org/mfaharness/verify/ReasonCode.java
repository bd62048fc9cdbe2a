package org.mfaharness.verify;

import static org.mfaharness.verify.MfaReading.ABSENT;
import static org.mfaharness.verify.MfaReading.PRESENT;
import static org.mfaharness.verify.MfaReading.UNKNOWN;
import static org.mfaharness.verify.MfaReading.WEAK;
import static org.mfaharness.verify.Severity.FAIL;
import static org.mfaharness.verify.Severity.INCONCLUSIVE;
import static org.mfaharness.verify.Severity.INFO;
import static org.mfaharness.verify.Severity.PASS;
import static org.mfaharness.verify.Severity.WARN;

/**
 * Every reason code a finding can carry, with its default severity, the MFA reading it implies (if any), a
 * one-line meaning, the remediation, and the documented rule. {@code docs/reason-codes.md} is generated from this
 * catalogue ({@code ReasonCodeCatalogueTest} fails when they differ).
 */
public enum ReasonCode {
    // ---- Input ----------------------------------------------------------------------------------------------
    INPUT_UNRECOGNISED(INCONCLUSIVE, UNKNOWN, "No token, assertion or error message was recognised in the input.",
            "Pass a WS-Fed wresult/RSTR, a SAML 2.0 Response or assertion, a JWT, a token response, an AADSTS error or a HAR file.",
            Sources.GLOSSARY),
    NOT_CHECKED(INFO, null, "A rule did not run because its context is unknown (e.g. no request captured).",
            "Capture the whole sign-in (mfa-harness proxy or a HAR) or pass the missing option to run the rule.",
            Sources.GLOSSARY),
    XML_REFUSED(FAIL, UNKNOWN, "The XML was refused before parsing: a DOCTYPE, too deep, too large, or not well-formed.",
            "An IdP's token never needs a DOCTYPE, thousands of nested elements or megabytes of XML: fix the IdP (or whatever "
                    + "altered the message). Hostile XML is not judged further.",
            Sources.XMLDSIG_PROFILE),

    // ---- XML signatures (both SAML versions) ----------------------------------------------------------------
    SIG_PROFILE_VIOLATION(FAIL, null, "The XML signature is outside the accepted profile (references, transforms or algorithms).",
            "Sign the assertion with one Reference to its own ID, enveloped-signature + exclusive c14n transforms, RSA-SHA256.",
            Sources.XMLDSIG_PROFILE),
    SIG_WRAPPING(FAIL, null, "The XML shows a signature-wrapping pattern: duplicate IDs, or the signature does not cover the judged element.",
            "Treat the message as forged; check the IdP and anything between it and Entra.",
            Sources.XMLDSIG_PROFILE),
    SIG_SHA1(WARN, null, "The signature uses SHA-1 (verified, but deprecated).",
            "Switch the IdP's token-signing to RSA-SHA256 (AD FS: relying party trust > Advanced > Secure hash algorithm SHA-256).",
            Sources.XMLDSIG_PROFILE),
    SIG_CERT_EXPIRED(WARN, null, "The pinned signing certificate has expired (whether Entra refuses it is unverified).",
            "Roll the IdP token-signing certificate and update the federation settings of the domain in Entra.",
            Sources.GLOSSARY),
    SIG_KEYINFO_DIFFERS(INFO, null, "The certificate in the signature's KeyInfo differs from the pinned certificate.",
            "None if the signature verifies with the pinned key; otherwise the IdP signs with a key Entra does not know.",
            Sources.GLOSSARY),

    // ---- WS-Federation: RSTR carrying SAML 1.1 ---------------------------------------------------------------
    WSF_PARSE_ERROR(INCONCLUSIVE, UNKNOWN, "The WS-Federation response could not be parsed.",
            "Capture the exact wresult the browser POSTed to login.srf (form field wresult).",
            Sources.INBOUND_ASSERTIONS),
    WSF_MULTIPLE_ASSERTIONS(FAIL, null, "The RSTR holds more than one assertion (a wrapping pattern, or a broken IdP).",
            "An RSTR for Entra carries exactly one assertion in RequestedSecurityToken.",
            Sources.INBOUND_ASSERTIONS),
    WSF_SIG_VALID(PASS, null, "The assertion's signature verifies with the pinned certificate.", "",
            Sources.XMLDSIG_PROFILE),
    WSF_SIG_INVALID(FAIL, null, "The assertion's signature does not verify with the pinned certificate.",
            "Make sure the domain's SigningCertificate in Entra matches the IdP's current token-signing certificate, and that nothing re-encodes the assertion.",
            Sources.XMLDSIG_PROFILE),
    WSF_SIG_UNCHECKED(INCONCLUSIVE, null, "The signature was not checked: no trust material was given.",
            "Pass --trust-cert with the IdP token-signing certificate, or --metadata with its federation metadata.",
            Sources.GLOSSARY),
    WSF_SIG_MISSING(FAIL, null, "The assertion is not signed.",
            "Entra accepts only signed assertions: enable token signing on the IdP's relying party for Microsoft 365.",
            Sources.INBOUND_ASSERTIONS),
    WSF_AUDIENCE_OK(PASS, null, "The audience is urn:federation:MicrosoftOnline.", "", Sources.INBOUND_ASSERTIONS),
    WSF_AUDIENCE_MISMATCH(FAIL, null, "The assertion's audience is not the one Entra expects.",
            "Issue the assertion from the 'Microsoft Office 365 Identity Platform' relying party (identifier urn:federation:MicrosoftOnline).",
            Sources.INBOUND_ASSERTIONS),
    WSF_TIME_OK(PASS, null, "The assertion is within its validity window.", "", Sources.INBOUND_ASSERTIONS),
    WSF_EXPIRED(FAIL, null, "The assertion had expired at the evaluation time.",
            "Check the IdP's clock and token lifetime; judge old captures with --at.", Sources.INBOUND_ASSERTIONS),
    WSF_NOT_YET_VALID(FAIL, null, "The assertion was not yet valid at the evaluation time.",
            "Check the IdP's clock (NTP); judge old captures with --at.", Sources.INBOUND_ASSERTIONS),
    WSF_MFA_AUTHNSTMT(PASS, PRESENT, "AuthenticationStatement@AuthenticationMethod carries the multipleauthn URI.", "",
            Sources.INBOUND_ASSERTIONS),
    WSF_MFA_ATTR_AUTHMETHOD(PASS, PRESENT, "The authenticationmethod attribute carries the multipleauthn URI.", "",
            Sources.INBOUND_ASSERTIONS),
    WSF_MFA_ATTR_AMR(PASS, PRESENT, "The AD FS authnmethodsreferences attribute carries the multipleauthn URI.", "",
            Sources.ADFS_MFA),
    WSF_MFA_WIA_OR_MFA(WARN, WEAK, "Only wiaormultiauthn is asserted: Entra honours it, but it can come from Windows Integrated Authentication alone.",
            "Make the IdP assert http://schemas.microsoft.com/claims/multipleauthn when a second factor was performed.",
            Sources.INBOUND_ASSERTIONS),
    WSF_NO_MFA_CLAIM(FAIL, ABSENT, "The assertion carries no MFA claim in a form Entra honours.",
            "AD FS: add the issuance transform rule 'Pass through all claim values' for Authentication Methods References on the Microsoft Office 365 Identity Platform trust, and make the MFA adapter run when wauth asks for multipleauthn. Other IdPs: emit http://schemas.microsoft.com/claims/multipleauthn in AuthenticationStatement@AuthenticationMethod or in the authenticationmethod attribute.",
            Sources.INBOUND_ASSERTIONS),
    WSF_MFA_URI_MALFORMED(FAIL, ABSENT, "A near miss: the MFA URI is misspelt (https scheme, wrong case, stray characters), so Entra does not honour it.",
            "Emit exactly http://schemas.microsoft.com/claims/multipleauthn (http, lower case).",
            Sources.INBOUND_ASSERTIONS),
    WSF_MFA_WRONG_ATTRIBUTE(FAIL, ABSENT, "A near miss: the MFA URI is in an attribute Entra does not read.",
            "Move the value to the authenticationmethod attribute (namespace http://schemas.microsoft.com/ws/2008/06/identity/claims) or to AuthenticationStatement@AuthenticationMethod.",
            Sources.INBOUND_ASSERTIONS),
    WSF_STEPUP_IGNORED(FAIL, null, "Entra asked the IdP for MFA (wauth=…/multipleauthn) and the reply carries no MFA claim.",
            "Make the IdP honour wauth (AD FS: SupportsMfa / enforceMfaByFederatedIdp and an MFA adapter), or emit the claim when MFA was done.",
            Sources.WAUTH),
    WSF_REQUEST_PARAMS(INFO, null, "The WS-Fed sign-in request's parameters (wauth, wfresh) as captured.", "", Sources.WAUTH),
    WSF_AUTHN_INSTANT(INFO, null, "The authentication instant the IdP reports (Entra's sign-in frequency uses it).", "",
            Sources.INBOUND_ASSERTIONS),

    // ---- SAML 2.0 ----------------------------------------------------------------------------------------------
    S2_PARSE_ERROR(INCONCLUSIVE, UNKNOWN, "The SAML 2.0 message could not be parsed.",
            "Capture the exact SAMLResponse the browser POSTed to login.srf.", Sources.SAML_IDP),
    S2_STATUS_NOT_SUCCESS(FAIL, null, "The Response's StatusCode is not Success.",
            "Read the IdP's logs for the status reason; the IdP refused the sign-in.", Sources.SAML_IDP),
    S2_MULTIPLE_ASSERTIONS(FAIL, null, "The Response holds more than one assertion (a wrapping pattern, or a broken IdP).",
            "A Response for Entra carries exactly one signed assertion.", Sources.SAML_IDP),
    S2_ASSERTION_UNSIGNED(FAIL, null, "The assertion is not signed; a signed Response alone is not enough for Entra.",
            "Configure the IdP to sign the assertion (e.g. 'Sign assertion' or 'Sign response and assertion').",
            Sources.SAML_IDP),
    S2_SIG_VALID(PASS, null, "The signature verifies with the pinned certificate.", "", Sources.XMLDSIG_PROFILE),
    S2_SIG_INVALID(FAIL, null, "The signature does not verify with the pinned certificate.",
            "Make sure the domain's SigningCertificate in Entra matches the IdP's current signing certificate.",
            Sources.XMLDSIG_PROFILE),
    S2_SIG_UNCHECKED(INCONCLUSIVE, null, "The signature was not checked: no trust material was given.",
            "Pass --trust-cert with the IdP signing certificate, or --metadata with its SAML metadata.", Sources.GLOSSARY),
    S2_ISSUER_OK(PASS, null, "The Issuer equals the domain's IssuerUri.", "", Sources.SAML_IDP),
    S2_ISSUER_MISMATCH(FAIL, null, "The Issuer differs from the domain's configured IssuerUri.",
            "Make the IdP's entity ID and the domain's IssuerUri in Entra identical, character for character.",
            Sources.SAML_IDP),
    S2_AUDIENCE_OK(PASS, null, "The audience is urn:federation:MicrosoftOnline.", "", Sources.SAML_IDP),
    S2_AUDIENCE_MISMATCH(FAIL, null, "The assertion's audience is not urn:federation:MicrosoftOnline.",
            "Set the SP entity ID / audience of the Microsoft 365 application on the IdP to urn:federation:MicrosoftOnline.",
            Sources.SAML_IDP),
    S2_RECIPIENT_MISMATCH(FAIL, null, "SubjectConfirmationData@Recipient is not the cloud's login.srf.",
            "Set the ACS URL of the Microsoft 365 application on the IdP to the cloud's login.srf (public cloud: https://login.microsoftonline.com/login.srf).",
            Sources.SAML_IDP),
    S2_INRESPONSETO_MISMATCH(FAIL, null, "InResponseTo differs from the ID of the captured AuthnRequest.",
            "The IdP must answer the AuthnRequest it received; an unsolicited or replayed response is refused.",
            Sources.SAML_IDP),
    S2_NAMEID_FORMAT(FAIL, null, "NameID is not of format urn:oasis:names:tc:SAML:2.0:nameid-format:persistent.",
            "Send NameID Format persistent with the user's ImmutableID as its value.", Sources.SAML_IDP),
    S2_NO_IDPEMAIL(FAIL, null, "The assertion has no IDPEmail attribute.",
            "Add the attribute IDPEmail carrying the user's UPN.", Sources.SAML_IDP),
    S2_TIME_OK(PASS, null, "The assertion is within its validity window.", "", Sources.SAML_IDP),
    S2_EXPIRED(FAIL, null, "The assertion had expired at the evaluation time.",
            "Check the IdP's clock and lifetimes; judge old captures with --at.", Sources.SAML_IDP),
    S2_NOT_YET_VALID(FAIL, null, "The assertion was not yet valid at the evaluation time.",
            "Check the IdP's clock (NTP); judge old captures with --at.", Sources.SAML_IDP),
    S2_MFA_CLASSREF(PASS, PRESENT, "AuthnContextClassRef is http://schemas.microsoft.com/claims/multipleauthn.", "",
            Sources.INBOUND_ASSERTIONS),
    S2_MFA_CLASSREF_UNDOCUMENTED(WARN, WEAK, "AuthnContextClassRef is wiaormultiauthn, which is not documented for SAML 2.0.",
            "Send http://schemas.microsoft.com/claims/multipleauthn as the AuthnContextClassRef after MFA.",
            Sources.INBOUND_ASSERTIONS),
    S2_MFA_IN_ATTRIBUTES_IGNORED(FAIL, ABSENT, "MFA is asserted only in attributes, which Entra ignores for SAML 2.0.",
            "Put http://schemas.microsoft.com/claims/multipleauthn in AuthnStatement/AuthnContext/AuthnContextClassRef.",
            Sources.INBOUND_ASSERTIONS),
    S2_MULTIPLE_CONTEXTS(WARN, null, "Several AuthnStatements or AuthnContextClassRefs: Entra reads only one method.",
            "Send one AuthnStatement with one AuthnContextClassRef.", Sources.INBOUND_ASSERTIONS),
    S2_NO_MFA_CLAIM(FAIL, ABSENT, "The AuthnContextClassRef is not an MFA class Entra honours (e.g. Password).",
            "After MFA, send AuthnContextClassRef http://schemas.microsoft.com/claims/multipleauthn.",
            Sources.INBOUND_ASSERTIONS),
    S2_NONMICROSOFT_MFA_CLASS(FAIL, ABSENT, "A standard MFA class (REFEDS, InCommon, MobileTwoFactor…) that Entra does not read.",
            "For Entra, send http://schemas.microsoft.com/claims/multipleauthn instead of the generic MFA class.",
            Sources.INBOUND_ASSERTIONS),
    S2_MFA_URI_MALFORMED(FAIL, ABSENT, "A near miss: the AuthnContextClassRef is a misspelt multipleauthn URI (https scheme, wrong case).",
            "Send exactly http://schemas.microsoft.com/claims/multipleauthn.", Sources.INBOUND_ASSERTIONS),
    S2_AUTHN_INSTANT(INFO, null, "The AuthnInstant the IdP reports (Entra's sign-in frequency uses it).", "",
            Sources.INBOUND_ASSERTIONS),

    // ---- JWTs: JOSE hygiene ----------------------------------------------------------------------------------------
    TOKEN_MALFORMED(INCONCLUSIVE, UNKNOWN, "The token is not a decodable JWT (bad base64url or JSON).",
            "Capture the token exactly as sent (Authorization header or token response), without truncation.",
            Sources.JWT_BCP),
    TOKEN_OPAQUE(INCONCLUSIVE, UNKNOWN, "The token is opaque (not a JWT): its claims cannot be read.",
            "Partner Center tokens are JWTs: acquire a v1 access token for https://api.partnercenter.microsoft.com/user_impersonation.",
            Sources.ACCESS_TOKENS),
    TOKEN_CLASSIFIED(INFO, null, "What the token is: version, audience, issuer.", "", Sources.ACCESS_TOKEN_CLAIMS),
    JOSE_ALG_NONE(FAIL, null, "The token is unsigned (alg none).",
            "Never accept unsigned tokens; Entra always signs with RS256.", Sources.JWT_BCP),
    JOSE_HMAC_ALG(FAIL, null, "The token uses an HMAC algorithm: Entra tokens are RS256; HMAC invites key confusion.",
            "Treat the token as forged.", Sources.JWT_BCP),
    JOSE_HEADER_KEY(FAIL, null, "The header carries its own key (jwk, jku, x5u or x5c): trusting it would let anyone sign.",
            "Verify only with keys you configured; treat the token as forged.", Sources.JWT_BCP),
    JOSE_KID_INVALID(FAIL, null, "The kid is not a plain key identifier (path, control or injection characters, or too long).",
            "Treat the token as forged.", Sources.JWT_BCP),
    JOSE_DUPLICATE_MEMBER(FAIL, null, "The JSON has duplicate member names, so parsers disagree on its claims.",
            "Treat the token as forged.", Sources.JWT_BCP),
    TOKEN_AMR_MALFORMED(FAIL, UNKNOWN, "The amr claim is not an array of strings.",
            "Entra always sends amr as an array of strings; treat the token as forged or altered.", Sources.AMR_VALUES),
    TOKEN_UNVERIFIABLE_MS_API(INCONCLUSIVE, null, "A Microsoft API token (Graph audience or header nonce): decoded only, its signature cannot be verified by third parties.",
            "Judge the Partner Center access token instead (resource https://api.partnercenter.microsoft.com).",
            Sources.ACCESS_TOKENS),
    TOKEN_PC_NONCE_HEADER(WARN, null, "A Partner Center token with a header nonce: Partner Center tokens never carry one.",
            "Check where this token came from; it is not what Entra issues for Partner Center.", Sources.ACCESS_TOKENS),
    TOKEN_SIG_VALID(PASS, null, "The signature verifies with a key of the given JWKS.", "", Sources.ACCESS_TOKENS),
    TOKEN_SIG_INVALID(FAIL, null, "The signature does not verify with the given keys.",
            "Use the tenant's current signing keys (…/discovery/keys); a token that fails is altered or not from this tenant.",
            Sources.ACCESS_TOKENS),
    TOKEN_SIG_UNCHECKED(INCONCLUSIVE, null, "The signature was not checked: no JWKS was given.",
            "Pass --jwks with the tenant's keys (https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys, saved to a file, or typed as a URL with --fetch-remote).",
            Sources.GLOSSARY),
    TOKEN_KID_UNKNOWN(FAIL, null, "No key in the given JWKS matches the token's kid/x5t.",
            "Refresh the JWKS (keys roll); if it still fails the token is not from this tenant.", Sources.ACCESS_TOKENS),
    TOKEN_TIME_OK(PASS, null, "The token is within its validity window.", "", Sources.ACCESS_TOKENS),
    TOKEN_EXPIRED(FAIL, null, "The token had expired at the evaluation time.",
            "Acquire a fresh token; judge old captures with --at.", Sources.ACCESS_TOKENS),
    TOKEN_NOT_YET_VALID(FAIL, null, "The token was not yet valid at the evaluation time.",
            "Check the clocks; judge old captures with --at.", Sources.ACCESS_TOKENS),
    TOKEN_TENANT_MISMATCH(FAIL, null, "The token's tenant (tid/iss) is not the partner tenant given.",
            "Sign in to the partner's home tenant (not a customer or guest tenant) for Partner Center.",
            Sources.ACCESS_TOKENS),
    TOKEN_ISSUER_NOT_ENTRA(WARN, null, "The issuer is not an Entra issuer of the selected cloud.",
            "Choose the right --cloud, or --kind eam if this is an external provider's id_token.",
            Sources.ACCESS_TOKEN_CLAIMS),
    TOKEN_V2_NO_AMR(INCONCLUSIVE, UNKNOWN, "A v2 token without amr: v2 tokens carry no amr, so MFA cannot be read.",
            "Judge the oracle token Microsoft's check uses: a v1 access token for https://api.partnercenter.microsoft.com/user_impersonation via client 04b07795-8ddb-461a-bbee-02f9e1bf7b46.",
            Sources.ACCESS_TOKEN_CLAIMS),

    // ---- Entra tokens: the MFA claim ------------------------------------------------------------------------------
    ENTRA_AMR_MFA(PASS, PRESENT, "amr contains \"mfa\": Partner Center and Entra accept this token as MFA.", "",
            Sources.PARTNER_SECURITY_TEST),
    ENTRA_AMR_NGCMFA(WARN, WEAK, "amr has only \"ngcmfa\": equivalent to mfa, but short-lived and used for credential provisioning.",
            "Sign in interactively with MFA to get amr \"mfa\".", Sources.AMR_VALUES),
    ENTRA_AMR_WIAORMFA(FAIL, ABSENT, "amr has only \"wiaormfa\" (Windows OR MFA), which is not proof of MFA; Microsoft's own substring test would wrongly pass it.",
            "Make the IdP perform MFA and assert multipleauthn (not wiaormultiauthn), or require MFA at Entra.",
            Sources.AMR_VALUES),
    ENTRA_NO_AMR(FAIL, ABSENT, "The token has no amr claim, so MFA cannot have been recorded.",
            "Partner Center reads amr from a v1 access token: acquire one for https://api.partnercenter.microsoft.com/user_impersonation after an MFA sign-in.",
            Sources.PARTNER_SECURITY_TEST),
    ENTRA_AMR_NO_MFA(FAIL, ABSENT, "amr does not contain \"mfa\": Partner Center will refuse this sign-in.",
            "Make the federated IdP assert MFA (see the IdP hop), or require MFA in Entra (Conditional Access / security defaults).",
            Sources.PARTNER_SECURITY_TEST),

    // ---- EAM ----------------------------------------------------------------------------------------------------------
    EAM_HINT_OK(PASS, null, "The id_token_hint names the cloud's v2 issuer and the provider's client_id.", "", Sources.EAM),
    EAM_HINT_MISMATCH(FAIL, null, "The id_token_hint's iss or aud does not match the cloud's v2 issuer and the request's client_id.",
            "Check the EAM's client ID in Entra and the provider's configuration.", Sources.EAM),
    EAM_HINT_SIG(WARN, null, "The id_token_hint's signature does not verify with the given Entra keys.",
            "The provider must validate the hint with Entra's v2 keys; check which keys it trusts.", Sources.EAM),
    EAM_PROVIDER_ERROR(FAIL, ABSENT, "The provider answered with an OAuth error instead of an id_token.",
            "See the provider's logs for the error; access_denied means the user failed or refused the second factor.",
            Sources.EAM),
    EAM_RESPONSE_OK(PASS, null, "The provider form_posted an id_token, not an error.", "", Sources.EAM),
    EAM_NO_ID_TOKEN(FAIL, ABSENT, "The provider's response has no id_token.",
            "The provider must form_post id_token and state to Entra's redirect URI.", Sources.EAM),
    EAM_STATE_MISMATCH(FAIL, null, "The state returned differs from the state Entra sent.",
            "Echo state unchanged.", Sources.EAM),
    EAM_DISCOVERY_URL(FAIL, null, "The discovery URL is not HTTPS or does not end exactly in /.well-known/openid-configuration.",
            "Configure the EAM with https://…/.well-known/openid-configuration, no query or fragment.", Sources.EAM),
    EAM_DISCOVERY_METADATA(FAIL, null, "The discovery document lacks a required value (response_types_supported id_token, RS256, "
            + "jwks_uri, authorization_endpoint, subject_types_supported, claim_types_supported normal).",
            "Publish the metadata Entra requires (spec §3 Discovery / JWKS).", Sources.EAM),
    EAM_ISSUER_MISMATCH(FAIL, null, "The id_token's iss differs from the discovery issuer, character for character.",
            "Make iss identical to the discovery issuer (watch for :443 and trailing slashes).", Sources.EAM),
    EAM_JWK_NO_X5C(FAIL, null, "A key in the provider's JWKS has no x5c.", "Publish every signing key with its x5c chain.",
            Sources.EAM),
    EAM_JWK_X5C_MISMATCH(FAIL, null, "A JWK's n/e differ from the public key of its x5c certificate.",
            "Publish the x5c that belongs to the key.", Sources.EAM),
    EAM_SIG_VALID(PASS, null, "The id_token's signature verifies with the provider's keys.", "", Sources.EAM),
    EAM_SIG_INVALID(FAIL, null, "The id_token's signature does not verify with the provider's keys.",
            "Sign with a key published in the provider's jwks_uri (AADSTS50012 / 70002 at Entra).", Sources.EAM),
    EAM_SIG_UNCHECKED(INCONCLUSIVE, null, "The id_token's signature was not checked: no provider JWKS was given.",
            "Pass --jwks with the provider's keys (its jwks_uri saved to a file, or the URL).", Sources.GLOSSARY),
    EAM_KID_UNKNOWN(FAIL, null, "No key in the provider's JWKS matches the id_token's kid.",
            "Publish the signing key in jwks_uri (Entra caches metadata and keys for 24 hours).", Sources.EAM),
    EAM_AUD(FAIL, null, "The id_token's aud is not the client_id Entra sent.", "Set aud to the request's client_id.",
            Sources.EAM),
    EAM_SUB_MISMATCH(FAIL, null, "The id_token's sub differs from the id_token_hint's sub.",
            "Return the hint's sub unchanged (a common bug is sending the oid or the UPN).", Sources.EAM),
    EAM_NONCE(FAIL, null, "The id_token's nonce is missing or differs from the request's nonce.",
            "Echo the request's nonce in the id_token.", Sources.EAM),
    EAM_TIME(FAIL, null, "The id_token's exp/iat are missing or outside the window at the evaluation time.",
            "Issue exp and iat as seconds since the epoch; check the provider's clock.", Sources.EAM),
    EAM_ACR_MISSING(FAIL, ABSENT, "The id_token has no acr claim.", "Return one of the acr values Entra requested.",
            Sources.EAM),
    EAM_ACR_NOT_REQUESTED(FAIL, ABSENT, "The acr value is not one Entra requested.",
            "Return one of the acr values in the request's claims parameter.", Sources.EAM),
    EAM_ACR_MULTIPLE(FAIL, ABSENT, "acr holds more than one value.", "Return exactly one acr value.", Sources.EAM),
    EAM_AMR_NOT_ARRAY(FAIL, ABSENT, "amr is not a JSON array.", "Return amr as an array with exactly one method, e.g. [\"otp\"].",
            Sources.EAM),
    EAM_AMR_COUNT(FAIL, ABSENT, "amr does not hold exactly one value.", "Return exactly one method in amr.", Sources.EAM),
    EAM_AMR_UNSUPPORTED(FAIL, ABSENT, "The amr value is not one Entra accepts from an EAM (e.g. mfa or pwd).",
            "Use one of face, fido, fpt, hwk, iris, otp, pop, retina, sc, sms, swk, tel, vbm.", Sources.EAM),
    EAM_AMR_TYPE_CONFLICT(FAIL, ABSENT, "The amr method's type does not fit the acr, or is knowledge (the first factor's type).",
            "Return a possession or inherence method consistent with acr.", Sources.EAM),
    EAM_OK(PASS, PRESENT, "The EAM id_token satisfies Entra's rules: Entra will record MFA.", "", Sources.EAM),
    EAM_REJECTED(FAIL, ABSENT, "Entra rejected the external authentication (AADSTS50158 / 50161).",
            "Judge the provider's id_token hop; check the EAM's discovery URL, app ID and reply URL in Entra.",
            Sources.ERROR_CODES),

    // ---- Errors from Entra and Partner Center ---------------------------------------------------------------------
    ENTRA_REQUIRES_IDP_MFA_CLAIM(FAIL, ABSENT, "Entra requires MFA and expected it from the federated IdP (AADSTS50079/50076).",
            "Make the federated IdP perform MFA and emit the multipleauthn claim (see the IdP hop), or let Entra do MFA (acceptIfMfaDoneByFederatedIdp).",
            Sources.ERROR_CODES),
    ENTRA_MFA_REQUIRED(FAIL, ABSENT, "Entra requires MFA that this sign-in did not provide (AADSTS50076/50079/50074).",
            "Sign in interactively with MFA; for refresh tokens minted without MFA, re-consent with MFA.",
            Sources.ERROR_CODES),
    CA_BLOCK(FAIL, UNKNOWN, "Conditional Access blocked the sign-in (AADSTS53003).",
            "Read the sign-in log's Conditional Access tab; a customer CA policy with a third-party control blocks technicians unless service-provider users are excluded.",
            Sources.PARTNER_MFA_MANDATE),
    ENTRA_ERROR(FAIL, UNKNOWN, "Entra returned an error other than an MFA requirement.",
            "See the AADSTS code's meaning in the finding and in Microsoft's error reference.", Sources.ERROR_CODES),
    PC_MFA_REQUIRED(FAIL, ABSENT, "Partner Center refused the call because the token lacks MFA (401 / 900421, or 'MFA required (10001)').",
            "Call Partner Center with an App+User access token whose amr contains mfa.", Sources.PARTNER_CENTER_AUTH),
    PC_ERROR(FAIL, UNKNOWN, "Partner Center or Graph returned an error other than an MFA requirement.",
            "See the error's meaning in the finding.", Sources.PARTNER_CENTER_AUTH),

    // ---- The chain: attribution and false-positive guards ---------------------------------------------------------
    MFA_BY_FEDERATED_IDP(PASS, null, "The federated IdP satisfied MFA: its claim was present and Entra showed no MFA prompt.", "",
            Sources.MFA_REPORTING),
    MFA_BY_EAM(PASS, null, "The external authentication method satisfied MFA.", "", Sources.MFA_REPORTING),
    MFA_BY_ENTRA_ONLY(PASS, null, "Entra performed MFA itself and no third party was involved (a managed sign-in).", "",
            Sources.MFA_REPORTING),
    MFA_BY_ENTRA(WARN, null, "Entra performed MFA itself: the third-party MFA claim was absent or not honoured.",
            "Fix the IdP hop so the claim arrives (with enforceMfaByFederatedIdp the IdP's MFA is required and honoured).",
            Sources.FEDERATED_IDP_MFA_BEHAVIOR),
    IDP_CLAIM_NOT_HONORED(WARN, null, "The IdP claimed MFA but Entra still prompted for its own MFA.",
            "Suspect federatedIdpMfaBehavior = rejectMfaByFederatedIdp, or a claim in a form Entra does not read.",
            Sources.FEDERATED_IDP_MFA_BEHAVIOR),
    IDP_MFA_UNOBSERVED(WARN, null, "The IdP claimed MFA but no second-factor interaction was seen at the IdP (possible false positive).",
            "Check the IdP's MFA policy: the claim must be emitted only after a second factor (Okta exclusions, static PingOne values, WIA-only wiaormultiauthn).",
            Sources.INBOUND_ASSERTIONS),
    RT_MINTED_WITHOUT_MFA(FAIL, ABSENT, "The token came from a refresh token whose original sign-in had no MFA.",
            "Re-consent (Secure Application Model) with an MFA sign-in to mint a new refresh token.",
            Sources.SECURE_APP_MODEL),
    CHAIN_NO_ENTRA_TOKEN(INFO, null, "The capture ends before Entra issued a token: it is judged on what it holds.", "",
            Sources.GLOSSARY),
    CHAIN_CLAIM_LOST(INFO, null, "The first hop that lacked the MFA claim.", "", Sources.GLOSSARY);

    private final Severity severity;
    private final MfaReading reading;
    private final String meaning;
    private final String remediation;
    private final String source;

    ReasonCode(Severity severity, MfaReading reading, String meaning, String remediation, String source) {
        this.severity = severity;
        this.reading = reading;
        this.meaning = meaning;
        this.remediation = remediation;
        this.source = source;
    }

    /** The default severity; a plan may choose another. */
    public Severity severity() {
        return severity;
    }

    /** The MFA reading a finding with this code establishes, or null when the code says nothing about MFA. */
    public MfaReading reading() {
        return reading;
    }

    /** One sentence: what the code means. */
    public String meaning() {
        return meaning;
    }

    /** What to change; empty for codes that need no change. */
    public String remediation() {
        return remediation;
    }

    /** The documented rule (URL or spec anchor). */
    public String source() {
        return source;
    }
}
