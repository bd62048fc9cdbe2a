package org.mfaharness.artifact;

/**
 * A request to Entra's token endpoint. Only what identifies the grant is kept: codes, verifiers, refresh tokens
 * and client secrets never are.
 *
 * @param grantType {@code authorization_code}, {@code refresh_token}, {@code urn:ietf:params:oauth:grant-type:device_code}…
 * @param clientId  the client id, or null
 * @param scope     the scope (v2) or null
 * @param resource  the resource (v1) or null
 */
public record TokenRequest(String raw, Origin origin, String grantType, String clientId, String scope, String resource)
        implements Artifact {
    @Override
    public ArtifactKind kind() {
        return ArtifactKind.TOKEN_REQUEST;
    }

    /** Whether this redeems a refresh token. */
    public boolean isRefresh() {
        return "refresh_token".equals(grantType);
    }
}
