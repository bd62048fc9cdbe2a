package org.mfaharness.lab.config;

import java.util.List;

/**
 * The lab's configuration as written in YAML: tenants (with their domains, users and policy), the federated IdP
 * servers, the EAM providers, the client applications and the resources. Every list may be omitted (empty).
 * Read by {@link LabConfigLoader}, which also validates it; see {@code docs/lab.md} for the schema.
 */
public record LabConfig(
        List<Tenant> tenants,
        List<Idp> idps,
        List<EamProvider> eamProviders,
        List<Client> clients,
        List<Resource> resources,
        Lifetimes lifetimes) {

    public LabConfig {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        idps = idps == null ? List.of() : List.copyOf(idps);
        eamProviders = eamProviders == null ? List.of() : List.copyOf(eamProviders);
        clients = clients == null ? List.of() : List.copyOf(clients);
        resources = resources == null ? List.of() : List.copyOf(resources);
        lifetimes = lifetimes == null ? new Lifetimes(null, null, null, null) : lifetimes;
    }

    /**
     * An Entra tenant.
     *
     * @param id                    the tenant id (a GUID)
     * @param name                  display name
     * @param policy                Conditional Access in miniature
     * @param delegatedAdminPartners tenant ids of partners whose users may get tokens here (GDAP/AOBO)
     * @param domains               the verified domains
     * @param users                 the users
     */
    public record Tenant(String id, String name, Policy policy, List<String> delegatedAdminPartners,
                         List<Domain> domains, List<User> users) {
        public Tenant {
            policy = policy == null ? new Policy(null, null) : policy;
            delegatedAdminPartners = delegatedAdminPartners == null ? List.of() : List.copyOf(delegatedAdminPartners);
            domains = domains == null ? List.of() : List.copyOf(domains);
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    /**
     * The tenant's MFA policy.
     *
     * @param mfaRequiredFor         resource URIs for which a sign-in must satisfy MFA (e.g. the Partner Center API)
     * @param partnerUsersMfaRequired this (customer) tenant demands MFA from delegated-admin partner users
     */
    public record Policy(List<String> mfaRequiredFor, Boolean partnerUsersMfaRequired) {
        public Policy {
            mfaRequiredFor = mfaRequiredFor == null ? List.of() : List.copyOf(mfaRequiredFor);
        }

        public boolean partnerUsersMustHaveMfa() {
            return Boolean.TRUE.equals(partnerUsersMfaRequired);
        }
    }

    /**
     * A verified domain and how its users authenticate.
     *
     * @param name                     the domain name (the UPN suffix)
     * @param protocol                 {@code managed}, {@code managed+eam}, {@code wsfed} or {@code saml2}
     * @param idp                      for federated domains: the id of the IdP server
     * @param federatedIdpMfaBehavior  {@code acceptIfMfaDoneByFederatedIdp}, {@code enforceMfaByFederatedIdp} or
     *                                 {@code rejectMfaByFederatedIdp}; unset: legacy {@code supportsMfa} decides
     * @param supportsMfa              the legacy SupportsMfa flag (true ≈ enforce, false/unset ≈ accept)
     * @param issuerUri                the IdP's issuer for this domain (default derived from the domain name)
     * @param idpBehavior              how the IdP behaves for this domain's users (knobs)
     * @param eamProvider              for {@code managed+eam}: the id of the EAM provider
     */
    public record Domain(String name, String protocol, String idp, String federatedIdpMfaBehavior,
                         Boolean supportsMfa, String issuerUri, IdpBehavior idpBehavior, String eamProvider) {
    }

    /**
     * What a federated IdP does for one domain: the knobs that reproduce what vendors get wrong.
     *
     * @param mfaClaim         where the MFA URI goes: {@code authn-statement}, {@code authenticationmethod-attribute},
     *                         {@code amr-attribute}, {@code class-ref}, {@code saml2-attributes-only}, {@code none}
     * @param mfaUri           the URI emitted (default {@code http://schemas.microsoft.com/claims/multipleauthn})
     * @param secondFactor     when the IdP asks for its TOTP: {@code always}, {@code on-request}, {@code never}
     * @param ignoreMfaRequest the IdP ignores {@code wauth} / RequestedAuthnContext
     * @param claimMfa         when the claim is emitted: {@code when-done} (honest), {@code always} (false positive),
     *                         {@code never}
     * @param signature        {@code rsa-sha256}, {@code rsa-sha1}, {@code none}, {@code wrong-key}
     * @param audience         the audience emitted (default {@code urn:federation:MicrosoftOnline})
     * @param expired          the assertion's validity window is already over
     * @param wsTrust          {@code 2005} (WS-Trust 2005/02, AD FS's default) or {@code 1.3}
     */
    public record IdpBehavior(String mfaClaim, String mfaUri, String secondFactor, Boolean ignoreMfaRequest,
                              String claimMfa, String signature, String audience, Boolean expired, String wsTrust) {
    }

    /**
     * A user.
     *
     * @param upn               the user principal name (its suffix is a domain of the tenant)
     * @param immutableId       the on-premises anchor (federated users)
     * @param password          the password: inline (lab-only users), {@code env:NAME} or {@code file:PATH}
     * @param totpSeed          the Base32 TOTP seed for Entra's, the IdP's or the EAM provider's one-time codes
     *                          (inline, {@code env:NAME} or {@code file:PATH})
     * @param displayName       the name claim
     * @param objectId          the object id (default: a name-based UUID of the UPN)
     * @param eamProvider       overrides the domain's EAM provider
     * @param conditionalAccess {@code block}: Conditional Access blocks the user after sign-in (AADSTS53003)
     * @param scenario          free text: which scenario of the matrix this user is for
     */
    public record User(String upn, String immutableId, String password, String totpSeed, String displayName,
                       String objectId, String eamProvider, String conditionalAccess, String scenario) {
        @Override
        public String toString() {
            return "User[" + upn + ", secrets redacted]";
        }
    }

    /**
     * A federated IdP server.
     *
     * @param id          referenced by domains
     * @param protocol    {@code wsfed} (AD FS-like) or {@code saml2}
     * @param host        its host name in named mode, e.g. {@code adfs.fabrikam.lab.test}
     * @param displayName shown on its pages
     */
    public record Idp(String id, String protocol, String host, String displayName) {
    }

    /**
     * An external authentication method provider (served under {@code https://eam.lab.test/{id}}).
     *
     * @param id       the path segment and reference
     * @param clientId the client id the provider issued to Entra (the {@code aud} of its id_tokens)
     * @param behavior {@code conformant}, {@code amr-mfa}, {@code two-amr}, {@code sub-is-oid}, {@code no-nonce},
     *                 {@code issuer-trailing-slash}, {@code jwk-without-x5c}, {@code access-denied}
     */
    public record EamProvider(String id, String clientId, String behavior) {
    }

    /**
     * A client application registered in the lab Entra (valid in every tenant).
     *
     * @param clientId     the application id
     * @param name         display name
     * @param redirectUris exact redirect URIs; {@code http://localhost} also admits any loopback port (RFC 8252)
     */
    public record Client(String clientId, String name, List<String> redirectUris) {
        public Client {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        }
    }

    /**
     * A resource (API) tokens can be issued for.
     *
     * @param uri    the resource URI, the v1 {@code aud}
     * @param appId  its application id
     * @param name   display name
     * @param scopes its delegated scopes, e.g. {@code user_impersonation}
     */
    public record Resource(String uri, String appId, String name, List<String> scopes) {
        public Resource {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }

    /**
     * Lifetimes, in seconds.
     *
     * @param authorizationCode how long an authorization code can be redeemed (Entra: 10 minutes)
     * @param accessToken       access and id token lifetime (Entra: 60-90 minutes)
     * @param deviceCode        how long a device code is valid (Entra: 15 minutes)
     * @param assertion         how long an IdP assertion is valid
     */
    public record Lifetimes(Integer authorizationCode, Integer accessToken, Integer deviceCode, Integer assertion) {
        public int authorizationCodeSeconds() {
            return authorizationCode == null ? 600 : authorizationCode;
        }

        public int accessTokenSeconds() {
            return accessToken == null ? 3900 : accessToken;
        }

        public int deviceCodeSeconds() {
            return deviceCode == null ? 900 : deviceCode;
        }

        public int assertionSeconds() {
            return assertion == null ? 3600 : assertion;
        }
    }
}
