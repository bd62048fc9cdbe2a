package org.mfaharness.proxy;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.DefaultByteBufferPool;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.mfaharness.proxy.ca.CaOptions;
import org.mfaharness.proxy.ca.CertificateAuthority;
import org.mfaharness.proxy.ca.Pem;
import org.mfaharness.proxy.exchange.ExchangeListener;
import org.mfaharness.proxy.har.HarWriter;
import org.mfaharness.proxy.redact.RedactionPolicy;
import org.mfaharness.proxy.redact.Redactor;
import org.mfaharness.proxy.server.ExchangeDispatcher;
import org.mfaharness.proxy.server.ProxyHandlers;
import org.mfaharness.proxy.upstream.HostMapping;
import org.mfaharness.proxy.upstream.HostNames;
import org.mfaharness.proxy.upstream.HostResolver;
import org.mfaharness.proxy.upstream.UpstreamClient;
import org.mfaharness.proxy.upstream.UpstreamPolicy;
import org.mfaharness.proxy.upstream.UpstreamTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.OptionMap;
import org.xnio.Options;

/**
 * An intercepting HTTP/1.1 forward proxy: absolute-form {@code http://} requests are forwarded; {@code CONNECT}
 * tunnels are terminated with a leaf certificate from the proxy's {@link CertificateAuthority} and their decrypted
 * requests forwarded over TLS. Every exchange is recorded and delivered to listeners; a HAR file is kept when asked.
 *
 * <pre>{@code
 * try (InterceptingProxy proxy = InterceptingProxy.builder()
 *         .harFile(Path.of("capture.har"))
 *         .caDir(Path.of("ca"))
 *         .map("login.lab.test=127.0.0.1:8443")
 *         .listener(e -> System.err.println(e.method() + " " + e.url() + " " + e.status()))
 *         .build()) {
 *     InetSocketAddress at = proxy.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>Defaults: bound to 127.0.0.1 on an ephemeral port; only loopback upstreams; upstream TLS verified against the
 * JDK trust store; a CA generated for this run (its key never leaves the process); redaction
 * {@link org.mfaharness.proxy.redact.RedactionMode#DEFAULT}; a JVM shutdown hook (SIGTERM) that closes the proxy
 * and so completes the HAR. Thread-safe.
 */
public final class InterceptingProxy implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(InterceptingProxy.class);
    /** Default bind address. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Default capture limit per body: bytes beyond it pass through but are not recorded. */
    public static final int DEFAULT_MAX_CAPTURE_BYTES = 4 * 1024 * 1024;
    /** Default idle timeout of client connections. */
    public static final Duration DEFAULT_CLIENT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** Default number of worker threads (one per request in progress). */
    public static final int DEFAULT_WORKER_THREADS = 64;

    private final Builder config;
    private final Redactor redactor;
    private final AtomicLong sequence = new AtomicLong();
    private CertificateAuthority ca;
    private Path caFile;
    private Undertow server;
    private UpstreamClient upstream;
    private ExchangeDispatcher dispatcher;
    private HarWriter har;
    private InetSocketAddress address;
    private Thread shutdownHook;
    private boolean started;
    private boolean closed;

    private InterceptingProxy(Builder b) {
        this.config = b;
        this.redactor = new Redactor(b.redaction);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening.
     *
     * @return the bound address (useful with port 0)
     * @throws IOException when the HAR file, the CA directory or the port cannot be set up
     */
    public synchronized InetSocketAddress start() throws IOException {
        if (started) {
            return address;
        }
        if (closed) {
            throw new IllegalStateException("proxy closed");
        }
        started = true;
        Builder b = config;
        InetAddress bind = bindAddress(b.bindAddress, b.allowRemote);
        ca = b.ca != null ? b.ca
                : b.persistCa ? CertificateAuthority.loadOrCreate(requireCaDir(b), b.caOptions == null
                        ? CaOptions.persistent() : b.caOptions)
                : CertificateAuthority.generate(b.caOptions == null ? CaOptions.forRun() : b.caOptions);
        if (b.caDir != null) {
            caFile = ca.exportCertificate(b.caDir);
        }
        List<X509Certificate> upstreamCas = new ArrayList<>(b.upstreamCas);
        for (Path p : b.upstreamCaFiles) {
            upstreamCas.addAll(Pem.readCertificates(p));
        }
        upstream = new UpstreamClient(UpstreamTls.clientContext(upstreamCas), b.connectTimeout, b.readTimeout,
                b.resolver, UpstreamClient.DEFAULT_MAX_IDLE_PER_ROUTE, UpstreamClient.DEFAULT_IDLE_TTL);
        if (b.harFile != null) {
            har = HarWriter.create(b.harFile, "mfa-harness", b.creatorVersion);
        }
        dispatcher = new ExchangeDispatcher(b.listeners, har, redactor.withoutShareScrubbing(), redactor, b.maxCaptureBytes);
        UpstreamPolicy policy = new UpstreamPolicy(b.mappings, b.allowPatterns, b.upstreamAny);
        OptionMap undertowOptions = ProxyHandlers.undertowOptions(b.clientIdleTimeout.toMillis());
        DefaultByteBufferPool tunnelBuffers = new DefaultByteBufferPool(true, 17 * 1024, -1, 4);
        ProxyHandlers handlers = new ProxyHandlers(policy, upstream, dispatcher, b.maxCaptureBytes, sequence, ca,
                tunnelBuffers, undertowOptions);
        Undertow.Builder ub = Undertow.builder()
                .addHttpListener(b.port, bind.getHostAddress())
                .setHandler(handlers.rootHandler())
                .setIoThreads(b.ioThreads > 0 ? b.ioThreads : Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerThreads(b.workerThreads)
                .setBufferSize(16 * 1024)
                .setDirectBuffers(true)
                .setSocketOption(Options.TCP_NODELAY, true)
                .setSocketOption(Options.BACKLOG, 2048)
                .setServerOption(UndertowOptions.ENABLE_HTTP2, false);
        undertowOptions.forEach(o -> setOption(ub, undertowOptions, o));
        server = ub.build();
        try {
            server.start();
        } catch (RuntimeException e) {
            closeQuietly();
            throw new IOException("cannot listen on " + HostNames.authority(bind.getHostAddress(), b.port) + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        handlers.xnio(server.getXnio());
        address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        if (b.shutdownHook) {
            shutdownHook = new Thread(this::closeFromHook, "mfa-harness-proxy-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        LOG.info("proxy listening on {}", HostNames.authority(address.getAddress().getHostAddress(), address.getPort()));
        return address;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setOption(Undertow.Builder ub, OptionMap map, org.xnio.Option o) {
        ub.setServerOption(o, map.get(o));
    }

    private static Path requireCaDir(Builder b) {
        if (b.caDir == null) {
            throw new IllegalStateException("persistCa needs caDir");
        }
        return b.caDir;
    }

    /** Parses the bind address without DNS; non-loopback needs {@code allowRemote}. */
    private static InetAddress bindAddress(String bind, boolean allowRemote) {
        InetAddress a;
        if (HostNames.isLoopbackName(bind)) {
            a = InetAddress.getLoopbackAddress();
        } else if (HostNames.isIpLiteral(bind)) {
            a = HostNames.parseIpLiteral(bind);
        } else {
            throw new IllegalArgumentException("bind address must be an IP literal or localhost: " + bind);
        }
        if (!a.isLoopbackAddress() && !allowRemote) {
            throw new IllegalArgumentException("binding to non-loopback address " + bind + " requires --allow-remote");
        }
        return a;
    }

    /** The bound address (after {@link #start()}). */
    public InetSocketAddress address() {
        return address;
    }

    /** The CA that signs the leaf certificates (after {@link #start()}). */
    public CertificateAuthority certificateAuthority() {
        return ca;
    }

    /** The exported CA certificate file ({@code caDir/ca.pem}), when a CA directory was given. */
    public Optional<Path> caCertificateFile() {
        return Optional.ofNullable(caFile);
    }

    /** The redactor applied before listeners and the HAR; secret values can be added while running (both see them). */
    public Redactor redactor() {
        return redactor;
    }

    /** Connections opened to upstreams so far (pooling keeps this low). */
    public int upstreamConnectionsOpened() {
        return upstream == null ? 0 : upstream.openedConnections();
    }

    /** Exchanges dropped because the delivery queue was full. */
    public long droppedExchanges() {
        return dispatcher == null ? 0 : dispatcher.dropped();
    }

    /**
     * Waits until every exchange completed so far has been delivered to listeners and written to the HAR.
     *
     * @return false when that did not happen within {@code timeout}
     */
    public boolean flush(Duration timeout) throws IOException {
        try {
            if (dispatcher != null && !dispatcher.awaitIdle(timeout.toMillis())) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (har != null) {
            har.flush();
        }
        return true;
    }

    private void closeFromHook() {
        shutdownHook = null;
        try {
            close();
        } catch (IOException e) {
            System.err.println("mfa-harness proxy: error while closing: " + e.getMessage());
        }
    }

    /** Stops listening, delivers every completed exchange, completes the HAR and closes upstream connections. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        closeQuietly();
        if (har != null) {
            har.close();
        }
    }

    private void closeQuietly() {
        if (upstream != null) {
            upstream.close(); // first: workers blocked on an upstream are released and record the failure
        }
        if (server != null) {
            try {
                server.stop();
            } catch (RuntimeException e) {
                LOG.debug("stopping Undertow: {}", e.toString());
            }
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    /** Configuration; every knob the command line needs. Not thread-safe. */
    public static final class Builder {
        private int port;
        private String bindAddress = DEFAULT_BIND;
        private boolean allowRemote;
        private Path harFile;
        private Path caDir;
        private boolean persistCa;
        private CaOptions caOptions;
        private CertificateAuthority ca;
        private final List<HostMapping> mappings = new ArrayList<>();
        private final List<String> allowPatterns = new ArrayList<>();
        private boolean upstreamAny;
        private final List<Path> upstreamCaFiles = new ArrayList<>();
        private final List<X509Certificate> upstreamCas = new ArrayList<>();
        private RedactionPolicy redaction = RedactionPolicy.defaults();
        private final List<ExchangeListener> listeners = new ArrayList<>();
        private Duration connectTimeout = UpstreamClient.DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = UpstreamClient.DEFAULT_READ_TIMEOUT;
        private Duration clientIdleTimeout = DEFAULT_CLIENT_IDLE_TIMEOUT;
        private HostResolver resolver = HostResolver.SYSTEM;
        private int maxCaptureBytes = DEFAULT_MAX_CAPTURE_BYTES;
        private int ioThreads;
        private int workerThreads = DEFAULT_WORKER_THREADS;
        private boolean shutdownHook = true;
        private String creatorVersion = "0.1.0";

        private Builder() {
        }

        /** Listening port; 0 (default) picks a free one. */
        public Builder port(int p) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("port out of range: " + p);
            }
            this.port = p;
            return this;
        }

        /** Bind address (IP literal or localhost); non-loopback needs {@link #allowRemote(boolean)}. */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        public Builder allowRemote(boolean allow) {
            this.allowRemote = allow;
            return this;
        }

        /** Write a HAR file (mode 0600), kept valid after every entry. */
        public Builder harFile(Path file) {
            this.harFile = file;
            return this;
        }

        /** Directory to export the CA certificate to ({@code ca.pem}); created when missing. */
        public Builder caDir(Path dir) {
            this.caDir = dir;
            return this;
        }

        /** Keep the CA (and its 0600 key) in {@link #caDir} across runs; 30-day validity. */
        public Builder persistCa(boolean persist) {
            this.persistCa = persist;
            return this;
        }

        /** How a generated CA is made (name constraints, validity). */
        public Builder caOptions(CaOptions options) {
            this.caOptions = options;
            return this;
        }

        /** Use an existing CA (e.g. the lab's) instead of generating one. */
        public Builder certificateAuthority(CertificateAuthority authority) {
            this.ca = authority;
            return this;
        }

        /** A host map entry, {@code login.example.test=127.0.0.1:8443}. */
        public Builder map(String spec) {
            mappings.add(HostMapping.parse(spec));
            return this;
        }

        public Builder map(HostMapping mapping) {
            mappings.add(Objects.requireNonNull(mapping));
            return this;
        }

        /** A non-loopback host (or {@code *.domain}) the proxy may reach without {@link #upstreamAny}. */
        public Builder allow(String hostPattern) {
            allowPatterns.add(hostPattern);
            return this;
        }

        /** Reach any upstream (real tenants). Off by default: loopback, mapped and allowed hosts only. */
        public Builder upstreamAny(boolean any) {
            this.upstreamAny = any;
            return this;
        }

        /** Also trust the CA certificates in this PEM file for upstream TLS (lab upstreams). */
        public Builder upstreamCa(Path pemFile) {
            upstreamCaFiles.add(pemFile);
            return this;
        }

        public Builder upstreamCa(X509Certificate certificate) {
            upstreamCas.add(certificate);
            return this;
        }

        /**
         * Redaction applied before listeners and the HAR (default, share with hooks, or raw). Share mode's scrubbers
         * (signature stripping) apply to the HAR only: listeners get the exchange with secrets removed and signatures
         * intact, so what they judge is what was signed.
         */
        public Builder redaction(RedactionPolicy policy) {
            this.redaction = Objects.requireNonNull(policy);
            return this;
        }

        /** Receives exchanges with secrets removed (signatures kept even in share mode): for anything that shows them. */
        public Builder listener(ExchangeListener l) {
            listeners.add(Objects.requireNonNull(l));
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** Longest wait for upstream bytes; past it the client gets 504 (or a cut connection mid-body). */
        public Builder readTimeout(Duration d) {
            this.readTimeout = Objects.requireNonNull(d);
            return this;
        }

        public Builder clientIdleTimeout(Duration d) {
            this.clientIdleTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** Resolver for allowed non-loopback names (tests inject one to prove no lookup happens). */
        public Builder resolver(HostResolver r) {
            this.resolver = Objects.requireNonNull(r);
            return this;
        }

        /** Bytes of each body kept in the record; the rest streams through and is flagged truncated. */
        public Builder maxCaptureBytes(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxCaptureBytes must be >= 0");
            }
            this.maxCaptureBytes = bytes;
            return this;
        }

        public Builder ioThreads(int n) {
            this.ioThreads = n;
            return this;
        }

        public Builder workerThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("workerThreads must be >= 1");
            }
            this.workerThreads = n;
            return this;
        }

        /** Close on JVM shutdown (SIGTERM), completing the HAR. On by default. */
        public Builder shutdownHook(boolean install) {
            this.shutdownHook = install;
            return this;
        }

        /** Version written in the HAR's {@code log.creator}. */
        public Builder creatorVersion(String version) {
            this.creatorVersion = Objects.requireNonNull(version);
            return this;
        }

        /**
         * @throws IllegalArgumentException for a bind address that is not an IP literal or localhost, or is not
         *                                  loopback without {@link #allowRemote}
         * @throws IllegalStateException    for {@code persistCa} without {@code caDir}
         */
        public InterceptingProxy build() {
            if (persistCa && caDir == null) {
                throw new IllegalStateException("persistCa needs caDir");
            }
            InterceptingProxy.bindAddress(bindAddress, allowRemote); // fails fast on a bad or remote address
            return new InterceptingProxy(this);
        }
    }
}
