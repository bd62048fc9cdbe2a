package org.mfaharness.certify.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.lab.sign.JwtSigner;
import org.mfaharness.lab.sign.SigningKey;
import org.mfaharness.verify.trust.Jwks;
import org.mfaharness.verify.trust.TrustException;
import org.mfaharness.verify.trust.TrustedKey;

/**
 * The harness's own Entra signing identity: an RSA-2048 key with a self-signed certificate (never Microsoft's), the
 * JWKS and Entra-like v2 discovery document it publishes, and the {@code id_token_hint}s it mints for EAM providers
 * in the shape Entra sends them (spec section 3: v2, {@code aud} = the provider's client id, deliberately expired).
 * Thread-safe.
 */
public final class EntraStandIn {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JwtSigner signer;

    private EntraStandIn(JwtSigner signer) {
        this.signer = signer;
    }

    /** A new key (about 100 ms), valid for a day. */
    public static EntraStandIn generate() {
        return new EntraStandIn(new JwtSigner(SigningKey.generate("mfa-harness certify Entra stand-in", Duration.ofDays(1))));
    }

    /** The JWKS the stand-in publishes (one RS256 key with {@code x5c}, {@code kid} = {@code x5t}). */
    public String jwksJson() {
        return signer.jwksJson();
    }

    /** The published keys as trust material, to check the hints the harness sent. */
    public List<TrustedKey> trustedKeys() {
        try {
            return Jwks.parse(jwksJson(), "mfa-harness Entra stand-in keys");
        } catch (TrustException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An Entra-like v2 discovery document for {@code tenantSegment}: its issuer is the cloud's v2 issuer (with
     * {@code {tenantid}} for {@code common} / {@code organizations}, as Entra's), its {@code jwks_uri} points at
     * {@code base}.
     */
    public String discovery(CloudProfile cloud, String tenantSegment, String base) {
        boolean multi = tenantSegment.equals("common") || tenantSegment.equals("organizations");
        ObjectNode o = JSON.createObjectNode();
        o.put("issuer", cloud.v2Issuer(multi ? "{tenantid}" : tenantSegment));
        o.put("authorization_endpoint", base + "/" + tenantSegment + "/oauth2/v2.0/authorize");
        o.put("jwks_uri", base + "/" + tenantSegment + "/discovery/v2.0/keys");
        o.putArray("response_types_supported").add("code").add("id_token").add("code id_token");
        o.putArray("subject_types_supported").add("pairwise");
        o.putArray("id_token_signing_alg_values_supported").add("RS256");
        o.putArray("scopes_supported").add("openid").add("profile").add("email");
        return o.toString();
    }

    /**
     * Mints an {@code id_token_hint} as Entra does: {@code ver} 2.0, {@code iss} the cloud's v2 issuer for the tenant,
     * {@code aud} the provider's client id, a pairwise {@code sub}, {@code oid}, {@code tid}, {@code preferred_username},
     * {@code name}, and {@code exp} one second before {@code iat} (expired by design, as in Microsoft's example).
     */
    public String hint(CloudProfile cloud, String tid, String oid, String upn, String displayName, String clientId, Instant now) {
        long t = now.getEpochSecond();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ver", "2.0");
        c.put("iss", cloud.v2Issuer(tid));
        c.put("sub", pairwiseSub(oid, clientId));
        c.put("aud", clientId);
        c.put("exp", t - 1);
        c.put("iat", t);
        c.put("nbf", t);
        c.put("name", displayName == null ? upn : displayName);
        c.put("preferred_username", upn);
        c.put("oid", oid);
        c.put("tid", tid);
        return signer.sign(c);
    }

    /** A stable pairwise subject for a user and audience: 43 base64url characters, like Entra's. */
    public static String pairwiseSub(String oid, String audience) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("mfa-harness|" + oid + "|" + audience).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
