package org.mfaharness.verify.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.trust.TrustedKey;

/**
 * Verifies a JWS with keys the user gave — never with keys named by the token's header. Keys are selected by
 * {@code kid}, else by {@code x5t} (Entra's v1 tokens carry both, older ones only x5t), else every key is tried.
 * Only RSA algorithms (RS/PS 256–512) are accepted: Entra and EAM providers sign with RS256. Thread-safe.
 */
public final class JwsSignature {
    /** The algorithms verified here. */
    public static final Set<String> RSA_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");

    /**
     * The outcome.
     *
     * @param status      what happened
     * @param key         the key that verified it, or null
     * @param triedKeys   how many keys were tried
     */
    public record Outcome(Status status, TrustedKey key, int triedKeys) {
    }

    /** Outcomes. */
    public enum Status { VALID, INVALID, KEY_UNKNOWN, NO_KEYS, UNSUPPORTED_ALGORITHM }

    private JwsSignature() {
    }

    public static Outcome verify(JwtToken t, List<TrustedKey> keys) {
        String alg = t.alg();
        if (alg == null || !RSA_ALGORITHMS.contains(alg)) {
            return new Outcome(Status.UNSUPPORTED_ALGORITHM, null, 0);
        }
        if (keys.isEmpty()) {
            return new Outcome(Status.NO_KEYS, null, 0);
        }
        List<TrustedKey> candidates = select(t, keys);
        if (candidates.isEmpty()) {
            return new Outcome(Status.KEY_UNKNOWN, null, 0);
        }
        Base64URL sig = new Base64URL(t.signaturePart());
        byte[] input = t.signingInput().getBytes(StandardCharsets.US_ASCII);
        JWSHeader header = new JWSHeader(JWSAlgorithm.parse(alg));
        for (TrustedKey k : candidates) {
            if (!(k.publicKey() instanceof RSAPublicKey rsa)) {
                continue;
            }
            try {
                if (new RSASSAVerifier(rsa).verify(header, input, sig)) {
                    return new Outcome(Status.VALID, k, candidates.size());
                }
            } catch (JOSEException e) {
                // A key too small or malformed for this algorithm does not verify; try the next one.
            }
        }
        return new Outcome(Status.INVALID, null, candidates.size());
    }

    private static List<TrustedKey> select(JwtToken t, List<TrustedKey> keys) {
        String kid = t.kid();
        String x5t = t.headerString("x5t");
        List<TrustedKey> out = new ArrayList<>();
        if (kid != null) {
            keys.stream().filter(k -> kid.equals(k.kid())).forEach(out::add);
        } else if (x5t != null) {
            keys.stream().filter(k -> x5t.equals(k.x5t()) || x5t.equals(k.kid())).forEach(out::add);
        } else {
            out.addAll(keys);
        }
        out.removeIf(k -> k.alg() != null && RSA_ALGORITHMS.contains(k.alg()) && !k.alg().equals(t.alg()));
        return out;
    }
}
