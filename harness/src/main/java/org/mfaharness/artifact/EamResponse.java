package org.mfaharness.artifact;

/**
 * The EAM provider's form_post back to Entra's external-auth endpoint. The id_token itself is judged as its own
 * artifact ({@link ArtifactKind#EAM_ID_TOKEN}); this one carries what surrounds it.
 *
 * @param hasIdToken       whether an id_token field was posted
 * @param state            the state posted back, or null
 * @param error            the OAuth error ({@code access_denied}…), or null
 * @param errorDescription the error description, or null
 */
public record EamResponse(String raw, Origin origin, boolean hasIdToken, String state, String error,
                          String errorDescription) implements Artifact {
    @Override
    public ArtifactKind kind() {
        return ArtifactKind.EAM_RESPONSE;
    }
}
