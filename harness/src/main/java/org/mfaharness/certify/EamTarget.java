package org.mfaharness.certify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.mfaharness.verify.trust.TrustedKey;

/**
 * What an EAM provider publishes, as the harness read it: its discovery document (from the URL the vendor gave, or
 * a file) and the keys at its {@code jwks_uri}.
 *
 * @param discoveryUrl the discovery URL, or null when the document came from a file
 * @param document     the discovery document
 * @param keys         the provider's keys, empty when they could not be read
 * @param keysProblem  why the keys could not be fetched or read, or null
 * @param clientId     the client_id the provider issued to Entra (the id_token's expected audience), or null
 */
public record EamTarget(String discoveryUrl, JsonNode document, List<TrustedKey> keys, String keysProblem, String clientId) {
    public EamTarget {
        keys = List.copyOf(keys);
    }

    /** A top-level string member of the discovery document, or null. */
    public String string(String name) {
        JsonNode n = document.get(name);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
