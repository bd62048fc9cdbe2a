package org.mfaharness.artifact;

import java.util.List;

/**
 * An error from Entra: token-endpoint JSON ({@code error}, {@code error_description}, {@code error_codes},
 * {@code suberror}) or an error page's text carrying {@code AADSTSnnnnn: …}.
 *
 * @param codes       the AADSTS numbers, in order of appearance (first is the primary)
 * @param error       the OAuth error ({@code invalid_grant}, {@code interaction_required}…), or null
 * @param description the error description or the text around the code, one line
 * @param suberror    the suberror ({@code basic_action}…), or null
 * @param httpStatus  the HTTP status when captured, or 0
 */
public record EntraError(String raw, Origin origin, List<Integer> codes, String error, String description,
                         String suberror, int httpStatus) implements Artifact {
    public EntraError {
        codes = List.copyOf(codes);
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.ENTRA_ERROR;
    }

    /** The primary AADSTS code, or 0. */
    public int primaryCode() {
        return codes.isEmpty() ? 0 : codes.get(0);
    }
}
