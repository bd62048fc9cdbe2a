package org.mfaharness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.Origin;
import org.mfaharness.fuzz.gen.Show;
import org.mfaharness.report.JudgementJson;
import org.mfaharness.report.TextReport;
import org.mfaharness.testing.Judging;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.chain.ChainJudge;
import org.mfaharness.verify.chain.ChainJudgement;

/**
 * Runs text through the engine the way {@code inspect} does — detect, chain judgement, both renderings — on a
 * worker thread with a time limit, and checks the invariants every input must satisfy: no exception escapes, the
 * call returns in time, at least one artifact comes back, and the verdict, the MFA reading and the attribution are
 * set (for the chain and for every hop). A failure names the input (shortened) so that it is readable.
 */
final class Engine {
    /** Per-input time limit: generous for a 2-core CI machine under GC; a normal input takes milliseconds. */
    static final Duration LIMIT = Duration.ofSeconds(10);
    /** The test IdP certificate and the test Entra JWKS, as {@code --trust-cert} and {@code --jwks}. */
    static final JudgeOptions TRUSTING = Judging.trusting();
    /** No trust material. */
    static final JudgeOptions UNTRUSTED = Judging.untrusted();

    private static ExecutorService worker = newWorker();

    private Engine() {
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-engine");
            t.setDaemon(true);
            return t;
        });
    }

    /** Judges {@code text} as direct input with {@code options}; fails the try on any broken invariant. */
    static ChainJudgement judge(String text, JudgeOptions options) {
        return judge(text, Origin.input(null), options);
    }

    static synchronized ChainJudgement judge(String text, Origin origin, JudgeOptions options) {
        Future<ChainJudgement> f = worker.submit(() -> judgeNow(text, origin, options));
        try {
            return f.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("no verdict within " + LIMIT + " for input " + describe(text));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError("an exception escaped the engine for input " + describe(text) + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static ChainJudgement judgeNow(String text, Origin origin, JudgeOptions options) {
        List<Artifact> artifacts = new ArtifactDetector(options.cloud(), null).detect(text, origin);
        assertThat(artifacts).as("artifacts detected in %s", describe(text)).isNotEmpty().doesNotContainNull();
        ChainJudgement c = new ChainJudge(options).judge(artifacts);
        assertThat(c).isNotNull();
        assertThat(c.verdict()).as("chain verdict").isNotNull();
        assertThat(c.mfa()).as("chain MFA reading").isNotNull();
        assertThat(c.mfaBy()).as("chain attribution").isNotNull();
        assertThat(c.hops().size() + c.context().size()).as("judged or context artifacts").isEqualTo(artifacts.size());
        for (ArtifactJudgement h : c.hops()) {
            assertThat(h.verdict()).as("hop verdict").isNotNull();
            assertThat(h.mfa()).as("hop MFA reading").isNotNull();
            for (Finding f : h.findings()) {
                assertThat(f.message()).as("finding message of %s", f.code()).isNotBlank();
            }
        }
        Instant at = options.at();
        StringWriter text1 = new StringWriter();
        TextReport.write(c, at, new PrintWriter(text1));
        assertThat(text1.toString()).startsWith("Verdict: " + c.verdict());
        assertThat(JudgementJson.of(c, "fuzz", options.cloud().name(), at).get("verdict").asText())
                .isEqualTo(c.verdict().name());
        return c;
    }

    /** The input, shortened for a failure message, with control characters escaped (as {@link Show#string}). */
    static String describe(String text) {
        return Show.string(text);
    }
}
