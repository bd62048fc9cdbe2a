package org.mfaharness.artifact;

/**
 * Something a sign-in left on the wire, decoded. Immutable. The verdict engine judges artifacts without knowing
 * whether they came from a live run, a HAR file or pasted text: all it has is the content and its {@link Origin}.
 */
public sealed interface Artifact permits WsFedResponse, Saml2Response, JwtToken, OpaqueToken, EntraError,
        PartnerCenterError, WsFedSignInRequest, Saml2AuthnRequest, EamRequest, EamResponse, TokenRequest,
        SignInEvent, Unreadable {

    ArtifactKind kind();

    Origin origin();

    /** The artifact's text as received (decoded from its transport: URL-decoding, base64), for re-judging. */
    String raw();
}
