package org.mfaharness.lab.entra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.lab.config.Directory;
import org.mfaharness.lab.sign.JwtSigner;

/**
 * Mints lab Entra's tokens with one RS256 key: v1 access tokens (what Partner Center receives: {@code amr}, {@code idp},
 * {@code scp}, {@code appid}, {@code ver 1.0}), v2 id tokens (no {@code amr}, per the spec section 6), and the EAM
 * {@code id_token_hint} (v2, deliberately already expired, per section 3). Thread-safe.
 */
final class TokenIssuer {
    private final JwtSigner signer;
    private final CloudProfile cloud;
    private final Clock clock;
    private final int lifetimeSeconds;

    TokenIssuer(JwtSigner signer, CloudProfile cloud, Clock clock, int lifetimeSeconds) {
        this.signer = signer;
        this.cloud = cloud;
        this.clock = clock;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    /** A v1 access token for {@code resource} with the delegated scopes {@code scp}. */
    String accessToken(AuthResult r, String resource, List<String> scp) {
        long now = clock.instant().getEpochSecond();
        Directory.UserInfo u = r.user();
        String tid = r.tokenTenant().id();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("aud", resource);
        c.put("iss", cloud.v1Issuer(tid));
        c.put("iat", now);
        c.put("nbf", now);
        c.put("exp", now + lifetimeSeconds);
        c.put("acr", "1");
        c.put("aio", randomId());
        c.put("amr", r.amr());
        c.put("appid", r.clientId());
        c.put("appidacr", "0");
        if (r.idpIssuer() != null) {
            c.put("idp", r.idpIssuer());
        } else if (!u.tenantId().equals(tid)) {
            c.put("idp", cloud.v1Issuer(u.tenantId()));
        }
        c.put("ipaddr", r.ipAddress());
        c.put("name", u.displayName());
        c.put("oid", u.objectId());
        c.put("scp", String.join(" ", scp));
        c.put("sub", pairwise(u.objectId(), resource));
        c.put("tid", tid);
        c.put("unique_name", u.upn());
        c.put("upn", u.upn());
        c.put("uti", randomId());
        c.put("ver", "1.0");
        return signer.signWithThumbprint(c);
    }

    /** A v2 id token for the client. */
    String idToken(AuthResult r) {
        long now = clock.instant().getEpochSecond();
        Directory.UserInfo u = r.user();
        String tid = r.tokenTenant().id();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("aud", r.clientId());
        c.put("iss", cloud.v2Issuer(tid));
        c.put("iat", now);
        c.put("nbf", now);
        c.put("exp", now + lifetimeSeconds);
        c.put("name", u.displayName());
        if (r.nonce() != null) {
            c.put("nonce", r.nonce());
        }
        c.put("oid", u.objectId());
        c.put("preferred_username", u.upn());
        c.put("rh", randomId());
        c.put("sub", pairwise(u.objectId(), r.clientId()));
        c.put("tid", tid);
        c.put("uti", randomId());
        c.put("ver", "2.0");
        return signer.sign(c);
    }

    /**
     * The EAM {@code id_token_hint}: v2, {@code aud} = the provider's client id, and already expired ({@code exp}
     * one second before {@code iat}, as in Microsoft's published example).
     */
    String eamHint(Directory.UserInfo u, String tid, String eamClientId) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ver", "2.0");
        c.put("iss", cloud.v2Issuer(tid));
        c.put("sub", pairwise(u.objectId(), eamClientId));
        c.put("aud", eamClientId);
        c.put("exp", now - 1);
        c.put("iat", now);
        c.put("nbf", now);
        c.put("name", u.displayName());
        c.put("preferred_username", u.upn());
        c.put("oid", u.objectId());
        c.put("tid", tid);
        return signer.sign(c);
    }

    /** {@code client_info}: base64url JSON {@code {"uid": oid, "utid": home tid}}, which MSAL builds accounts from. */
    static String clientInfo(Directory.UserInfo u) {
        String json = "{\"uid\":\"" + u.objectId() + "\",\"utid\":\"" + u.tenantId() + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Entra's pairwise {@code sub}: 43 base64url characters, stable per user and audience. */
    static String pairwise(String oid, String audience) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((oid + "|" + audience).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Instant now() {
        return clock.instant();
    }

    private static String randomId() {
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }
}
