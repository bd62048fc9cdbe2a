package org.mfaharness.verify.trust;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Everything the user gave to authenticate artifacts. Empty lists mean "no trust given": signatures are then
 * reported unchecked (INCONCLUSIVE) and the MFA reading still comes from the content.
 *
 * @param certificates     pinned signing certificates (--trust-cert, and those from --metadata)
 * @param metadataIssuer   the entityID of the --metadata document (the domain's IssuerUri), or null
 * @param jwks             Entra's keys (--jwks)
 * @param eamJwks          the EAM provider's keys (--eam-jwks, or the jwks of the provider's discovery document)
 * @param eamDiscovery     the EAM provider's discovery document, or null
 */
public record TrustMaterial(List<X509Certificate> certificates, String metadataIssuer, List<TrustedKey> jwks,
                            List<TrustedKey> eamJwks, EamDiscovery eamDiscovery) {

    public TrustMaterial {
        certificates = List.copyOf(certificates);
        jwks = List.copyOf(jwks);
        eamJwks = List.copyOf(eamJwks);
    }

    /** No trust material at all. */
    public static TrustMaterial none() {
        return new TrustMaterial(List.of(), null, List.of(), List.of(), null);
    }

    public TrustMaterial withCertificates(List<X509Certificate> c) {
        return new TrustMaterial(c, metadataIssuer, jwks, eamJwks, eamDiscovery);
    }

    /** The keys to verify an EAM provider's id_token with: its own keys, else the general --jwks. */
    public List<TrustedKey> keysForEam() {
        return eamJwks.isEmpty() ? jwks : eamJwks;
    }
}
