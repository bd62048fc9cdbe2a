package org.mfaharness.verify.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.mfaharness.artifact.Base64Text;

/**
 * Reads a JWKS the user gave, leniently: Entra's historical key sets use base64 (not base64url) for {@code n},
 * non-standard {@code alg} and {@code key_ops} values, and keys with only {@code x5c}. Only RSA keys are kept
 * (Entra and EAM providers sign with RS256). The JWKS is trust material, so its {@code x5c} is trusted as the user's
 * choice — unlike a token header's.
 */
public final class Jwks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwks() {
    }

    /** Every usable RSA key in a JWKS document ({@code {"keys": [...]}}) or a single JWK. */
    public static List<TrustedKey> parse(String json, String source) throws TrustException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new TrustException(source + ": the JWKS is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new TrustException(source + ": the JWKS is not a JSON object");
        }
        JsonNode keys = root.has("keys") ? root.get("keys") : null;
        List<JsonNode> list = new ArrayList<>();
        if (keys != null && keys.isArray()) {
            keys.forEach(list::add);
        } else if (root.has("kty")) {
            list.add(root);
        } else {
            throw new TrustException(source + ": no \"keys\" array (a JWKS) and not a single JWK");
        }
        List<TrustedKey> out = new ArrayList<>();
        for (JsonNode k : list) {
            if (!"RSA".equals(k.path("kty").asText())) {
                continue;
            }
            String use = text(k, "use");
            if (use != null && !use.equals("sig")) {
                continue;
            }
            X509Certificate cert = null;
            JsonNode x5c = k.get("x5c");
            if (x5c != null && x5c.isArray() && x5c.size() > 0) {
                cert = Certificates.fromBase64(x5c.get(0).asText(), source);
            }
            PublicKey fromNe = null;
            if (k.hasNonNull("n") && k.hasNonNull("e")) {
                try {
                    BigInteger n = new BigInteger(1, Base64Text.decode(k.get("n").asText()));
                    BigInteger e = new BigInteger(1, Base64Text.decode(k.get("e").asText()));
                    fromNe = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                } catch (IllegalArgumentException | GeneralSecurityException ex) {
                    throw new TrustException(source + ": key " + text(k, "kid") + " has unreadable n/e");
                }
            }
            PublicKey key = fromNe != null ? fromNe : cert != null ? cert.getPublicKey() : null;
            if (key == null) {
                throw new TrustException(source + ": key " + text(k, "kid") + " has neither n/e nor x5c");
            }
            boolean matches = fromNe == null || cert == null || sameRsaKey(fromNe, cert.getPublicKey());
            out.add(new TrustedKey(text(k, "kid"), text(k, "x5t"), key, text(k, "alg"), use, cert, matches, source));
        }
        if (out.isEmpty()) {
            throw new TrustException(source + ": the JWKS has no RSA signing key");
        }
        return out;
    }

    /** Whether two RSA public keys are the same key. */
    public static boolean sameRsaKey(PublicKey a, PublicKey b) {
        return a instanceof RSAPublicKey ra && b instanceof RSAPublicKey rb
                && ra.getModulus().equals(rb.getModulus()) && ra.getPublicExponent().equals(rb.getPublicExponent());
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
