package org.mfaharness.artifact;

/**
 * An error from the Partner Center API or a Graph partner API.
 *
 * @param code        the error code ({@code 900421}, {@code 10001}, {@code Unauthorized_MissingMFA}, {@code 900420}…)
 * @param description the message, one line
 * @param httpStatus  the HTTP status when captured, or 0
 */
public record PartnerCenterError(String raw, Origin origin, String code, String description, int httpStatus)
        implements Artifact {
    @Override
    public ArtifactKind kind() {
        return ArtifactKind.PARTNER_CENTER_ERROR;
    }
}
