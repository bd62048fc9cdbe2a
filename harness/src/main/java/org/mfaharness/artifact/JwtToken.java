package org.mfaharness.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JWS compact token, decoded but not verified: an Entra id/access token ({@link ArtifactKind#ENTRA_TOKEN}) or
 * an EAM provider's id_token ({@link ArtifactKind#EAM_ID_TOKEN}). The header and payload are kept as JSON trees;
 * {@code duplicateMembers} names every member that appeared twice in one object (e.g. {@code payload.amr}), which
 * makes the token ambiguous: parsers disagree on which value counts.
 *
 * @param kind             ENTRA_TOKEN or EAM_ID_TOKEN
 * @param header           the JOSE header
 * @param claims           the payload
 * @param headerPart       the base64url header segment, as received
 * @param payloadPart      the base64url payload segment, as received
 * @param signaturePart    the base64url signature segment (may be empty)
 * @param duplicateMembers paths of duplicated JSON members
 */
public record JwtToken(String raw, Origin origin, ArtifactKind kind, ObjectNode header, ObjectNode claims,
                       String headerPart, String payloadPart, String signaturePart, List<String> duplicateMembers)
        implements Artifact {

    public JwtToken {
        duplicateMembers = List.copyOf(duplicateMembers);
    }

    /** The same token judged as another kind (e.g. {@code --kind eam}). */
    public JwtToken as(ArtifactKind k) {
        return new JwtToken(raw, origin, k, header, claims, headerPart, payloadPart, signaturePart, duplicateMembers);
    }

    /** The bytes the signature covers: {@code header.payload}. */
    public String signingInput() {
        return headerPart + "." + payloadPart;
    }

    /** A header parameter as text, or null. */
    public String headerString(String name) {
        JsonNode n = header.get(name);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /** A claim as text (numbers rendered), or null when absent or not a scalar. */
    public String claimString(String name) {
        JsonNode n = claims.get(name);
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        return n.asText();
    }

    /**
     * Time claims are read within this many seconds of the epoch, either way: beyond any real token, and far enough
     * inside {@link java.time.Instant}'s range that adding a clock skew of up to a year cannot overflow it.
     */
    public static final long MAX_EPOCH_SECOND = java.time.Instant.MAX.getEpochSecond() - 366L * 86_400;

    /**
     * A numeric claim (seconds since the epoch for exp/iat/nbf), or null when absent or not a number. Values beyond
     * {@link #MAX_EPOCH_SECOND} either way ({@code 1e308}, {@code -1e400}, a 30-digit integer) are clamped to it,
     * never wrapped or left out of {@link java.time.Instant}'s range.
     */
    public Long claimLong(String name) {
        JsonNode n = claims.get(name);
        return n != null && n.isNumber() ? epochSeconds(n) : null;
    }

    /** A numeric JSON value as epoch seconds, truncated toward zero and clamped to ±{@link #MAX_EPOCH_SECOND}. */
    public static long epochSeconds(JsonNode n) {
        if (n.canConvertToLong()) {
            return Math.max(-MAX_EPOCH_SECOND, Math.min(MAX_EPOCH_SECOND, n.longValue()));
        }
        boolean positive = n.isDouble() || n.isFloat() ? n.doubleValue() > 0 : n.decimalValue().signum() > 0;
        return positive ? MAX_EPOCH_SECOND : -MAX_EPOCH_SECOND;
    }

    public String alg() {
        return headerString("alg");
    }

    public String kid() {
        return headerString("kid");
    }

    public String iss() {
        return claimString("iss");
    }

    /** The audiences: {@code aud} as a string or an array of strings. */
    public List<String> audiences() {
        JsonNode n = claims.get("aud");
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }

    /** The first audience, or null. */
    public String aud() {
        List<String> a = audiences();
        return a.isEmpty() ? null : a.get(0);
    }
}
