package org.mfaharness.artifact;

/**
 * Input that looked like an artifact of kind {@code guessed} but could not be read.
 *
 * @param guessed what it looked like ({@link ArtifactKind#UNREADABLE} when nothing was recognised)
 * @param reason  one line: why it could not be read
 * @param refused whether it was refused as hostile (DOCTYPE, too large, too deep) rather than merely malformed
 */
public record Unreadable(String raw, Origin origin, ArtifactKind guessed, String reason, boolean refused)
        implements Artifact {
    @Override
    public ArtifactKind kind() {
        return ArtifactKind.UNREADABLE;
    }
}
