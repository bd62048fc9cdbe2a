package org.mfaharness.verify.trust;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An EAM provider's OpenID discovery document, as fetched from the URL the user configured in Entra.
 *
 * @param url      the discovery URL (as given), or null when read from a file
 * @param document the document
 */
public record EamDiscovery(String url, JsonNode document) {
    /** A top-level string member, or null. */
    public String string(String name) {
        JsonNode n = document.get(name);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
