package org.mfaharness.verify.trust;

import java.security.PublicKey;
import java.security.cert.X509Certificate;

/**
 * A JWT verification key from a JWKS the user gave.
 *
 * @param kid          the JWK {@code kid}, or null
 * @param x5t          the JWK {@code x5t} (SHA-1 thumbprint of the certificate), or null
 * @param publicKey    the key, from {@code n}/{@code e} (or {@code x} / {@code y}) or else from the first {@code x5c}
 * @param alg          the JWK {@code alg}, or null
 * @param use          the JWK {@code use}, or null
 * @param certificate  the first {@code x5c} certificate, or null
 * @param x5cMatchesKey false when both n/e and x5c are present and describe different keys
 * @param source       where the key came from (file or URL), for evidence
 */
public record TrustedKey(String kid, String x5t, PublicKey publicKey, String alg, String use,
                         X509Certificate certificate, boolean x5cMatchesKey, String source) {
}
