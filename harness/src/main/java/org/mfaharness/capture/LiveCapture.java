package org.mfaharness.capture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.CaptureExtractor;
import org.mfaharness.proxy.InterceptingProxy;

/**
 * An {@link InterceptingProxy} whose exchanges are turned into artifacts as they complete. Exchanges arrive on the
 * proxy's single delivery thread (never an I/O thread), in completion order, already redacted; the artifacts keep
 * that order. {@link #artifacts()} may be read from any thread.
 */
public final class LiveCapture implements AutoCloseable {
    private final InterceptingProxy proxy;
    private final List<Artifact> artifacts = new ArrayList<>();

    private LiveCapture(InterceptingProxy proxy) {
        this.proxy = proxy;
    }

    /**
     * Builds and wraps a proxy. {@code configure} sets the proxy's options (port, host map, HAR file, redaction…);
     * {@code onArtifacts} is told of each exchange's new artifacts (e.g. to print live verdicts).
     */
    public static LiveCapture start(Consumer<InterceptingProxy.Builder> configure, ArtifactDetector detector,
                                    Consumer<List<Artifact>> onArtifacts) throws IOException {
        Objects.requireNonNull(detector, "detector");
        CaptureExtractor extractor = new CaptureExtractor(detector);
        LiveCapture[] self = new LiveCapture[1];
        InterceptingProxy.Builder b = InterceptingProxy.builder();
        configure.accept(b);
        b.listener(e -> {
            List<Artifact> found = extractor.extract(e);
            LiveCapture c = self[0];
            synchronized (c) {
                c.artifacts.addAll(found);
            }
            if (!found.isEmpty() && onArtifacts != null) {
                onArtifacts.accept(found);
            }
        });
        InterceptingProxy p = b.build();
        self[0] = new LiveCapture(p);
        p.start();
        return self[0];
    }

    public InterceptingProxy proxy() {
        return proxy;
    }

    public InetSocketAddress address() {
        return proxy.address();
    }

    /** Everything captured so far, after waiting up to {@code settle} for exchanges still being delivered. */
    public List<Artifact> artifacts(Duration settle) throws IOException {
        proxy.flush(settle);
        return artifacts();
    }

    /** Everything captured so far. */
    public synchronized List<Artifact> artifacts() {
        return List.copyOf(artifacts);
    }

    @Override
    public void close() throws IOException {
        proxy.close();
    }
}
