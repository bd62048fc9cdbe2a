package org.mfaharness.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.Origin;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.testing.Tokens;
import org.mfaharness.testing.WsFedBuilder;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.Verdict;
import org.mfaharness.verify.chain.ChainJudge;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.Jwks;
import org.mfaharness.verify.trust.TrustException;
import org.mfaharness.verify.trust.TrustMaterial;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verdicts per second on one thread, end to end as {@code inspect} judges its input — text in, detection, the chain
 * judgement with the trust material out — over distinct artifacts so that nothing can be cached, beside the JDK's raw
 * RS256 {@link Signature#verify} rate over the very same signing inputs and signatures (RSA-2048 both).
 *
 * <ul>
 *   <li>{@link #jwtVerdict}: Entra v1 Partner Center access tokens, RS256, each with its own jti, oid, uti and times,
 *       judged with a JWKS trust set ({@code --jwks});</li>
 *   <li>{@link #samlVerdict}: signed SAML 1.1 RSTRs (WS-Trust 2005/02, RSA-SHA256, exclusive c14n), each with its own
 *       assertion ID and instants, judged with the pinned IdP certificate ({@code --trust-cert});</li>
 *   <li>{@link #rawRs256Verify}: {@code SHA256withRSA} verify of the JWTs' signing inputs, one reused
 *       {@link Signature} object: the ceiling a JWT verdict can approach.</li>
 * </ul>
 * Every artifact is checked to PASS once during setup, so the benchmark measures the success path. Warm-up is 10 x 2 s:
 * on this 2-core machine the JWT path was still climbing through the 8th second-pair with 5 x 2 s (C2 compiles
 * Jackson, Nimbus and the checks while sharing the cores).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class VerdictThroughput {
    /** Distinct JWTs. */
    public static final int TOKENS = 10_000;
    /** Distinct RSTRs. */
    public static final int RSTRS = 1_000;

    static JudgeOptions options() {
        try {
            TrustMaterial tm = new TrustMaterial(List.of(TestKeys.IDP.certificate()), null,
                    Jwks.parse(Tokens.entraJwks(), "bench-entra-jwks"), List.of(), null);
            return new JudgeOptions(Instant.now(), Duration.ofMinutes(5), null, org.mfaharness.cloud.CloudProfile.PUBLIC, tm, null, null);
        } catch (TrustException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Judges like {@code InspectCommand.call()}: a detector and a chain judge per input. */
    static ChainJudgement inspect(String text, JudgeOptions o) {
        return new ChainJudge(o).judge(new ArtifactDetector(o.cloud(), null).detect(text, Origin.input(null)));
    }

    static void requirePass(String[] inputs, JudgeOptions o, String what) {
        for (String s : inputs) {
            ChainJudgement j = inspect(s, o);
            if (j.verdict() != Verdict.PASS) {
                throw new IllegalStateException(what + " judged " + j.verdict() + ", not PASS: " + j.decisive());
            }
        }
    }

    /** Distinct Entra v1 access tokens claiming MFA, signed RS256 by the test Entra key. */
    static String[] tokens(int n) {
        long now = Instant.now().getEpochSecond();
        return IntStream.range(0, n).parallel().mapToObj(i -> {
            Map<String, Object> c = Tokens.partnerCenterAccessToken(List.of("pwd", "mfa"));
            c.put("iat", now - 60 - i % 600);
            c.put("nbf", now - 60 - i % 600);
            c.put("exp", now + 3000 + i % 600);
            c.put("oid", UUID.randomUUID().toString());
            c.put("jti", UUID.randomUUID().toString());
            c.put("uti", UUID.randomUUID().toString().replace("-", "").substring(0, 22));
            return Tokens.entra(c);
        }).toArray(String[]::new);
    }

    @State(Scope.Thread)
    public static class Jwts {
        String[] tokens;
        JudgeOptions options;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            options = options();
            tokens = tokens(TOKENS);
            requirePass(tokens, options, "a JWT");
        }
    }

    @State(Scope.Thread)
    public static class Rstrs {
        String[] rstrs;
        JudgeOptions options;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            options = options();
            rstrs = IntStream.range(0, RSTRS).parallel()
                    .mapToObj(i -> WsFedBuilder.rstr().authenticationMethod(WsFedBuilder.MULTIPLEAUTHN).build())
                    .toArray(String[]::new);
            requirePass(rstrs, options, "an RSTR");
        }
    }

    @State(Scope.Thread)
    public static class Raw {
        byte[][] inputs;
        byte[][] signatures;
        Signature verifier;
        int next;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException {
            String[] t = tokens(TOKENS);
            inputs = new byte[t.length][];
            signatures = new byte[t.length][];
            for (int i = 0; i < t.length; i++) {
                int dot = t[i].lastIndexOf('.');
                inputs[i] = t[i].substring(0, dot).getBytes(StandardCharsets.US_ASCII);
                signatures[i] = Base64.getUrlDecoder().decode(t[i].substring(dot + 1));
            }
            RSAPublicKey key = TestKeys.ENTRA.publicKey();
            if (key.getModulus().bitLength() != 2048) {
                throw new IllegalStateException("expected RSA-2048, got " + key.getModulus().bitLength());
            }
            verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            for (int i = 0; i < inputs.length; i++) {
                verifier.update(inputs[i]);
                if (!verifier.verify(signatures[i])) {
                    throw new IllegalStateException("signature " + i + " does not verify");
                }
            }
        }
    }

    @Benchmark
    public Verdict jwtVerdict(Jwts s) {
        String t = s.tokens[s.next];
        s.next = (s.next + 1) % s.tokens.length;
        return inspect(t, s.options).verdict();
    }

    @Benchmark
    public Verdict samlVerdict(Rstrs s) {
        String r = s.rstrs[s.next];
        s.next = (s.next + 1) % s.rstrs.length;
        return inspect(r, s.options).verdict();
    }

    @Benchmark
    public boolean rawRs256Verify(Raw s) throws GeneralSecurityException {
        int i = s.next;
        s.next = (i + 1) % s.inputs.length;
        s.verifier.update(s.inputs[i]);
        return s.verifier.verify(s.signatures[i]);
    }
}
