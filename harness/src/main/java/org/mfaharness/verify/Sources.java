package org.mfaharness.verify;

/**
 * The documented rules findings cite, as links. Each is listed with its spec section in
 * {@code ../shared/spec/mfa-claims.md}; {@code docs/reason-codes.md} shows them per code.
 */
public final class Sources {
    /** Spec §1a/§1b: the MFA claim Entra expects from a federated IdP. */
    public static final String INBOUND_ASSERTIONS =
            "https://learn.microsoft.com/entra/identity/authentication/how-to-mfa-expected-inbound-assertions";
    /** Spec §1a: AD FS pass-through of authnmethodsreferences. */
    public static final String ADFS_MFA = "https://learn.microsoft.com/entra/identity/authentication/howto-mfa-adfs";
    /** Spec §1b: SAML 2.0 IdP requirements (signed assertion, NameID, IDPEmail, audience, recipient). */
    public static final String SAML_IDP =
            "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-fed-saml-idp";
    /** Spec §1a: wauth / wfresh and SupportsMfa (KB4037806). */
    public static final String WAUTH = "https://support.microsoft.com/help/4037806";
    /** Spec §2: federatedIdpMfaBehavior. */
    public static final String FEDERATED_IDP_MFA_BEHAVIOR =
            "https://learn.microsoft.com/graph/api/resources/internaldomainfederation";
    /** Spec §2: the amr claim values. */
    public static final String AMR_VALUES = "https://learn.microsoft.com/azure/active-directory/develop/access-tokens";
    /** Spec §6: amr only in v1 tokens. */
    public static final String ACCESS_TOKEN_CLAIMS =
            "https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference";
    /** Spec §6: Microsoft API tokens cannot be validated by third parties. */
    public static final String ACCESS_TOKENS = "https://learn.microsoft.com/entra/identity-platform/access-tokens";
    /** Spec §3: External Authentication Methods. */
    public static final String EAM =
            "https://learn.microsoft.com/entra/identity/authentication/concept-authentication-external-method-provider";
    /** Spec §5: AADSTS error codes. */
    public static final String ERROR_CODES = "https://learn.microsoft.com/entra/identity-platform/reference-error-codes";
    /** Spec §4: Test-PartnerSecurityRequirement. */
    public static final String PARTNER_SECURITY_TEST =
            "https://learn.microsoft.com/powershell/partnercenter/test-partner-security-requirements";
    /** Spec §4: Partner Center MFA enforcement for App+User API calls. */
    public static final String PARTNER_CENTER_AUTH =
            "https://learn.microsoft.com/partner-center/developer/partner-center-authentication";
    /** Spec §5: Partner Center MFA mandate, AOBO/GDAP. */
    public static final String PARTNER_MFA_MANDATE =
            "https://learn.microsoft.com/partner-center/security/partner-security-requirements-mandating-mfa";
    /** Spec §5: Secure Application Model refresh tokens. */
    public static final String SECURE_APP_MODEL =
            "https://learn.microsoft.com/partner-center/developer/enable-secure-app-model";
    /** Spec §2: who satisfied MFA, from the sign-in logs' authenticationDetails. */
    public static final String MFA_REPORTING =
            "https://learn.microsoft.com/entra/identity/authentication/howto-mfa-reporting";
    /** The project's XML-DSig profile (spec, "XML-DSig profile"). */
    public static final String XMLDSIG_PROFILE = "docs/spec/mfa-claims.md#xml-dsig-profile-every-signature-both-saml-versions";
    /** JSON Web Token Best Current Practices. */
    public static final String JWT_BCP = "https://www.rfc-editor.org/rfc/rfc8725";
    /** The spec's glossary ("Implications for a test harness"). */
    public static final String GLOSSARY = "docs/spec/mfa-claims.md#glossary-one-vocabulary-for-code-json-reports-and-scenario-files";

    private Sources() {
    }
}
