package org.mfaharness.artifact;

import java.util.List;

/**
 * Entra's SAML 2.0 AuthnRequest to a federated IdP.
 *
 * @param id                  the request ID (the Response's InResponseTo must equal it)
 * @param issuer              the request's Issuer
 * @param acsUrl              AssertionConsumerServiceURL, or null
 * @param requestedClassRefs  RequestedAuthnContext class refs (what Entra sends for step-up is undocumented)
 * @param forceAuthn          ForceAuthn="true"
 */
public record Saml2AuthnRequest(String raw, Origin origin, String id, String issuer, String acsUrl,
                                List<String> requestedClassRefs, boolean forceAuthn) implements Artifact {
    public Saml2AuthnRequest {
        requestedClassRefs = List.copyOf(requestedClassRefs);
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.SAML2_AUTHN_REQUEST;
    }
}
