package org.mfaharness.artifact;

import java.util.List;
import org.mfaharness.artifact.saml.Saml2Assertion;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A SAML 2.0 samlp:Response, or a bare SAML 2.0 assertion ({@code response} null, kind
 * {@link ArtifactKind#SAML2_ASSERTION}).
 *
 * @param response       the samlp:Response element, or null for a bare assertion
 * @param statusCode     the top-level StatusCode@Value, or null
 * @param statusMessage  the StatusMessage text, or null
 * @param destination    Response@Destination, or null
 * @param inResponseTo   Response@InResponseTo, or null
 * @param issuer         the Response's Issuer, or null
 * @param responseSigned whether a ds:Signature is a direct child of the Response
 * @param assertions     every assertion directly inside the Response (or the bare assertion)
 */
public record Saml2Response(String raw, Origin origin, Document document, Element response, String id,
                            String statusCode, String statusMessage, String destination, String inResponseTo,
                            String issuer, boolean responseSigned, List<Saml2Assertion> assertions,
                            int encryptedAssertions) implements Artifact {

    public Saml2Response {
        assertions = List.copyOf(assertions);
    }

    @Override
    public ArtifactKind kind() {
        return response == null ? ArtifactKind.SAML2_ASSERTION : ArtifactKind.SAML2_RESPONSE;
    }
}
