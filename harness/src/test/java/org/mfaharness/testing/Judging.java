package org.mfaharness.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.Origin;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.chain.ChainJudge;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.Jwks;
import org.mfaharness.verify.trust.TrustException;
import org.mfaharness.verify.trust.TrustMaterial;

/** Runs the verdict engine on text the way inspect does. */
public final class Judging {
    private Judging() {
    }

    /** Options trusting the test IdP certificate and the test Entra JWKS, public cloud, now. */
    public static JudgeOptions trusting() {
        try {
            TrustMaterial tm = new TrustMaterial(List.of(TestKeys.IDP.certificate()), null,
                    Jwks.parse(Tokens.entraJwks(), "test-entra-jwks"), List.of(), null);
            return new JudgeOptions(Instant.now(), Duration.ofMinutes(5), null, CloudProfile.PUBLIC, tm, null, null);
        } catch (TrustException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Options with no trust material at all. */
    public static JudgeOptions untrusted() {
        return JudgeOptions.defaults();
    }

    public static ChainJudgement judge(String text, JudgeOptions o) {
        return new ChainJudge(o).judge(new ArtifactDetector(o.cloud(), null).detect(text, Origin.input(null)));
    }

    /** The judgement of the single artifact in {@code text}. */
    public static ArtifactJudgement judgeOne(String text, JudgeOptions o) {
        ChainJudgement c = judge(text, o);
        if (c.hops().size() != 1) {
            throw new AssertionError("expected one judged artifact, got " + c.hops().size() + ": " + c.hops());
        }
        return c.hops().get(0);
    }
}
