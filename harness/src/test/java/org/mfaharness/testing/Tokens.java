package org.mfaharness.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfaharness.lab.sign.JwtSigner;

/** Entra-shaped JWTs signed with test keys, and raw tokens for hostile cases. */
public final class Tokens {
    public static final String TENANT = "9122040d-6c67-4c5b-b112-36a304b66dad";
    public static final JwtSigner ENTRA = new JwtSigner(TestKeys.ENTRA);
    public static final JwtSigner EAM = new JwtSigner(TestKeys.EAM);

    private Tokens() {
    }

    /** The claims of a v1 Partner Center access token as Entra issues it after a federated sign-in. */
    public static Map<String, Object> partnerCenterAccessToken(List<String> amr) {
        Instant now = Instant.now();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("aud", "https://api.partnercenter.microsoft.com");
        c.put("iss", "https://sts.windows.net/" + TENANT + "/");
        c.put("iat", now.minus(Duration.ofMinutes(1)).getEpochSecond());
        c.put("nbf", now.minus(Duration.ofMinutes(1)).getEpochSecond());
        c.put("exp", now.plus(Duration.ofMinutes(59)).getEpochSecond());
        if (amr != null) {
            c.put("amr", amr);
        }
        c.put("appid", "04b07795-8ddb-461a-bbee-02f9e1bf7b46");
        c.put("idp", "http://adfs.fabrikam.test/adfs/services/trust/");
        c.put("oid", "02223b6b-aa1d-42d4-9ec0-1b2bb9194438");
        c.put("scp", "user_impersonation");
        c.put("tid", TENANT);
        c.put("upn", "alice@fabrikam.test");
        c.put("ver", "1.0");
        return c;
    }

    /** Signs claims with the test Entra key. */
    public static String entra(Map<String, ?> claims) {
        return ENTRA.sign(claims);
    }

    /** A compact JWS from raw header and payload JSON text and a signature segment (for hostile cases). */
    public static String raw(String headerJson, String payloadJson, String signature) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + e.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    /** The test Entra JWKS document. */
    public static String entraJwks() {
        return ENTRA.jwksJson();
    }
}
