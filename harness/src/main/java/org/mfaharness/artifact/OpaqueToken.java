package org.mfaharness.artifact;

/** A bearer token that is not a JWT (or an encrypted JWE): nothing in it can be read. */
public record OpaqueToken(String raw, Origin origin, String why) implements Artifact {
    @Override
    public ArtifactKind kind() {
        return ArtifactKind.OPAQUE_TOKEN;
    }
}
