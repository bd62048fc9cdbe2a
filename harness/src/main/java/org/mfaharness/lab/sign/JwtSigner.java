package org.mfaharness.lab.sign;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.cert.CertificateEncodingException;
import java.util.List;
import java.util.Map;

/**
 * RS256 JWTs signed like Entra signs its tokens: header {@code typ: JWT}, {@code kid} (and the v1 {@code x5t}),
 * and a JWKS entry with {@code x5c}. Thread-safe.
 */
public final class JwtSigner {
    private final SigningKey key;
    private final RSASSASigner signer;

    public JwtSigner(SigningKey key) {
        this.key = key;
        this.signer = new RSASSASigner(key.privateKey());
    }

    /** Signs a claims map (values: strings, numbers, booleans, lists, maps) and returns the compact JWT. */
    public String sign(Map<String, ?> claims) {
        return sign(claims, Map.of());
    }

    /** Signs with extra header parameters (e.g. a test's {@code nonce}). */
    public String sign(Map<String, ?> claims, Map<String, Object> extraHeader) {
        try {
            JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT)
                    .keyID(key.keyId());
            extraHeader.forEach(h::customParam);
            JWTClaimsSet.Builder c = new JWTClaimsSet.Builder();
            claims.forEach(c::claim);
            SignedJWT jwt = new SignedJWT(h.build(), c.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("JWT signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * Signs like Entra signs v1 tokens: the header also carries {@code x5t}, the certificate's base64url SHA-1
     * thumbprint (equal to the {@code kid}). Nimbus deprecates SHA-1 {@code x5t}; Entra still sends it.
     */
    @SuppressWarnings("deprecation")
    public String signWithThumbprint(Map<String, ?> claims) {
        try {
            JWSHeader h = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT)
                    .x509CertThumbprint(new com.nimbusds.jose.util.Base64URL(key.keyId()))
                    .keyID(key.keyId())
                    .build();
            JWTClaimsSet.Builder c = new JWTClaimsSet.Builder();
            claims.forEach(c::claim);
            SignedJWT jwt = new SignedJWT(h, c.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("JWT signing failed: " + e.getMessage(), e);
        }
    }

    /** The public JWK with {@code kid}, {@code use: sig}, {@code alg: RS256} and {@code x5c}, as Entra publishes it. */
    public RSAKey publicJwk() {
        try {
            return new RSAKey.Builder(key.publicKey())
                    .keyID(key.keyId())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .x509CertChain(List.of(Base64.encode(key.certificate().getEncoded())))
                    .build();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWKS document holding this key. */
    public String jwksJson() {
        return new JWKSet(publicJwk()).toString(true);
    }

    public SigningKey key() {
        return key;
    }
}
