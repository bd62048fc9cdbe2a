package org.mfaharness.certify;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a federated IdP's metadata says, as the harness read it: the entityID (the domain's IssuerUri), the signing
 * certificates of its IdP / STS roles, and its endpoints.
 *
 * @param source              the file or URL the metadata came from
 * @param entityId            the entityID, or null
 * @param certificates        the signing certificates (never empty)
 * @param passiveEndpoint     the WS-Fed PassiveRequestorEndpoint address, or null
 * @param ssoRedirectEndpoint the SAML 2.0 SingleSignOnService Location for the HTTP-Redirect binding, or null
 */
public record FederationTarget(String source, String entityId, List<X509Certificate> certificates, String passiveEndpoint,
                               String ssoRedirectEndpoint) {
    public FederationTarget {
        certificates = List.copyOf(certificates);
    }
}
