package org.mfaharness.artifact;

import java.util.List;
import org.mfaharness.artifact.saml.SamlAssertion;
import org.w3c.dom.Document;

/**
 * A WS-Federation sign-in response: a WS-Trust RequestSecurityTokenResponse (2005/02 or 1.3, possibly inside a
 * RequestSecurityTokenResponseCollection) whose RequestedSecurityToken holds a SAML 1.1 or 2.0 assertion — or a
 * bare SAML 1.1 assertion ({@link ArtifactKind#SAML11_ASSERTION}).
 *
 * @param trustVersion {@code 2005/02}, {@code 1.3}, or null for a bare assertion
 * @param collection   whether the RSTR was inside an RSTR collection
 * @param appliesTo    the RSTR's AppliesTo address (the relying party), or null
 * @param assertions   every assertion found in RequestedSecurityToken (Entra expects exactly one)
 */
public record WsFedResponse(String raw, Origin origin, Document document, String trustVersion, boolean collection,
                            String appliesTo, List<SamlAssertion> assertions) implements Artifact {

    public WsFedResponse {
        assertions = List.copyOf(assertions);
    }

    @Override
    public ArtifactKind kind() {
        return trustVersion == null ? ArtifactKind.SAML11_ASSERTION : ArtifactKind.WSFED_RSTR;
    }
}
