package org.mfaharness.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Decodes a JWT's payload for assertions (no verification: the signature tests run openssl). */
final class Jwt {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwt() {
    }

    static JsonNode claims(String jwt) {
        return part(jwt, 1);
    }

    static JsonNode header(String jwt) {
        return part(jwt, 0);
    }

    static List<String> amr(String jwt) {
        List<String> out = new ArrayList<>();
        claims(jwt).path("amr").forEach(n -> out.add(n.asText()));
        return out;
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode part(String jwt, int i) {
        String[] p = jwt.split("\\.");
        return json(new String(Base64.getUrlDecoder().decode(p[i]), java.nio.charset.StandardCharsets.UTF_8));
    }
}
