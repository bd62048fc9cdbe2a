package org.mfaharness.proxy.server;

import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.HttpContinueReadHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.util.Methods;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.mfaharness.proxy.ca.CertificateAuthority;
import org.mfaharness.proxy.exchange.TlsDetails;
import org.mfaharness.proxy.upstream.UpstreamClient;
import org.mfaharness.proxy.upstream.UpstreamPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Sequence;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.ssl.SslConnection;

/**
 * The handlers behind the proxy's listener: the root handler (CONNECT or absolute-form forwarding), the CONNECT
 * interception (answer 200, take the raw connection, terminate TLS with a leaf for the SNI or CONNECT host, serve the
 * decrypted HTTP/1.1 with a second Undertow HTTP listener), and the handler for the decrypted requests.
 */
public final class ProxyHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyHandlers.class);
    private static final int MAX_CACHED_CONTEXTS = 4096;

    private final Forwarder forwarder;
    private final CertificateAuthority ca;
    private final ByteBufferPool bufferPool;
    private final OptionMap undertowOptions;
    private final Map<String, UndertowXnioSsl> tlsByHost = new ConcurrentHashMap<>();
    private volatile Xnio xnio;

    public ProxyHandlers(UpstreamPolicy policy, UpstreamClient client, ExchangeSink sink, int captureLimit,
                         AtomicLong sequence, CertificateAuthority ca, ByteBufferPool bufferPool,
                         OptionMap undertowOptions) {
        this.forwarder = new Forwarder(policy, client, sink, captureLimit, sequence);
        this.ca = ca;
        this.bufferPool = bufferPool;
        this.undertowOptions = undertowOptions;
    }

    /** Must be called once the Undertow server has started (for its XNIO instance). */
    public void xnio(Xnio x) {
        this.xnio = x;
    }

    /** The handler for the proxy listener. */
    public HttpHandler rootHandler() {
        return new HttpContinueReadHandler(this::handleRoot);
    }

    private void handleRoot(HttpServerExchange ex) {
        if (ex.getRequestMethod().equals(Methods.CONNECT)) {
            handleConnect(ex);
            return;
        }
        String uri = ex.getRequestURI();
        Target target;
        try {
            target = Target.parseAbsolute(uri, ex.getQueryString());
        } catch (IllegalArgumentException e) {
            String host = ex.getHostName() == null ? "proxy" : ex.getHostName();
            Target t = new Target(false, host.isEmpty() ? "proxy" : host, ex.getHostPort() > 0 ? ex.getHostPort() : 80,
                    uri.startsWith("/") ? uri : "/", null);
            forwarder.badRequest(ex, t, "this is a forward proxy: send absolute-form requests (GET http://host/path)"
                    + " or CONNECT host:port (" + e.getMessage() + ")");
            return;
        }
        forwarder.handle(ex, target);
    }

    private void handleConnect(HttpServerExchange ex) {
        String authority = ex.getRequestURI();
        HostPort hp;
        try {
            if (authority.contains("/")) {
                throw new IllegalArgumentException("CONNECT needs host:port, got " + HostPort.printable(authority));
            }
            hp = HostPort.parse(authority, -1);
        } catch (IllegalArgumentException e) {
            forwarder.badRequest(ex, new Target(true, "invalid-connect-target", 443, "/", null),
                    "bad CONNECT request: " + e.getMessage());
            return;
        }
        final String host = hp.host();
        final int port = hp.port();
        ex.acceptConnectRequest((connection, exchange) -> intercept(connection, host, port));
        ex.endExchange();
    }

    private void intercept(StreamConnection raw, String host, int port) {
        try {
            UndertowXnioSsl tls = tlsFor(host);
            OptionMap sslOptions = OptionMap.create(Options.SSL_ENABLED_PROTOCOLS, Sequence.of("TLSv1.3", "TLSv1.2"));
            SslConnection ssl = tls.wrapExistingConnection(raw, sslOptions, false);
            SSLEngine engine = UndertowXnioSsl.getSslEngine(ssl);
            SSLParameters p = engine.getSSLParameters();
            p.setApplicationProtocols(new String[] {"http/1.1"});
            engine.setSSLParameters(p);
            HttpOpenListener inner = new HttpOpenListener(bufferPool, undertowOptions);
            inner.setRootHandler(new HttpContinueReadHandler(new DecryptedHandler(host, port, engine)));
            inner.handleEvent(ssl);
        } catch (RuntimeException e) {
            LOG.warn("cannot intercept CONNECT {}:{}: {}", host, port, e.toString());
            IoUtils.safeClose(raw);
        }
    }

    private UndertowXnioSsl tlsFor(String host) {
        UndertowXnioSsl cached = tlsByHost.get(host);
        if (cached != null) {
            return cached;
        }
        if (tlsByHost.size() > MAX_CACHED_CONTEXTS) {
            tlsByHost.clear();
        }
        return tlsByHost.computeIfAbsent(host, h -> {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(new KeyManager[] {new SniKeyManager(ca, h)}, null, null);
                return new UndertowXnioSsl(xnio, OptionMap.EMPTY, bufferPool, ctx);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot build TLS context for " + h, e);
            }
        });
    }

    /** Serves requests decrypted from one CONNECT tunnel. */
    private final class DecryptedHandler implements HttpHandler {
        private final String host;
        private final int port;
        private final SSLEngine engine;
        private volatile TlsDetails clientTls;

        DecryptedHandler(String host, int port, SSLEngine engine) {
            this.host = host;
            this.port = port;
            this.engine = engine;
        }

        @Override
        public void handleRequest(HttpServerExchange ex) {
            String uri = ex.getRequestURI();
            String query = ex.getQueryString();
            String path;
            if (ex.isHostIncludedInRequestURI()) {
                try {
                    path = Target.parseAbsolute(uri, query).requestTarget();
                } catch (IllegalArgumentException e) {
                    path = "/";
                }
            } else {
                path = (uri.isEmpty() ? "/" : uri) + (query == null || query.isEmpty() ? "" : "?" + query);
            }
            TlsDetails t = clientTls;
            if (t == null) {
                t = tlsOf(engine.getSession());
                clientTls = t;
            }
            Target target = new Target(true, host, port, path, t);
            if (ex.getRequestMethod().equals(Methods.CONNECT)) {
                forwarder.badRequest(ex, target, "CONNECT inside a CONNECT tunnel is not supported");
                return;
            }
            forwarder.handle(ex, target);
        }
    }

    private static TlsDetails tlsOf(SSLSession s) {
        return new TlsDetails(s.getProtocol(), s.getCipherSuite(), SniKeyManager.sniHost(s), null, null, null);
    }

    /** Undertow options for both the proxy listener and the decrypted tunnels. */
    public static OptionMap undertowOptions(long idleTimeoutMillis) {
        return OptionMap.builder()
                .set(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
                .set(UndertowOptions.DECODE_URL, false)
                .set(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                .set(UndertowOptions.MAX_HEADER_SIZE, 256 * 1024)
                .set(UndertowOptions.MAX_ENTITY_SIZE, -1L)
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) idleTimeoutMillis)
                .set(UndertowOptions.IDLE_TIMEOUT, (int) idleTimeoutMillis)
                .set(UndertowOptions.ENABLE_HTTP2, false)
                .getMap();
    }
}
