package org.mfaharness.proxy.upstream;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.mfaharness.proxy.exchange.ExchangeError.Kind;
import org.mfaharness.proxy.exchange.Header;

/**
 * A blocking HTTP/1.1 client with a keep-alive connection pool per {@link Route}, used by the proxy's worker threads.
 * It resolves only names the {@link UpstreamPolicy} allowed; loopback names ({@code localhost}, {@code *.localhost})
 * go to 127.0.0.1 without a lookup. Thread-safe.
 */
public final class UpstreamClient implements Closeable {
    /** Default TCP connect (and TLS handshake) timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default read timeout: time allowed between bytes from the upstream. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Idle pooled connections older than this are closed instead of reused. */
    public static final Duration DEFAULT_IDLE_TTL = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_IDLE_PER_ROUTE = 256;

    private final SSLSocketFactory tls;
    private final int connectTimeout;
    private final int readTimeout;
    private final HostResolver resolver;
    private final int maxIdlePerRoute;
    private final long idleTtlNanos;
    private final Map<Route, Deque<UpstreamConnection>> idle = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final java.util.Set<UpstreamConnection> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public UpstreamClient(SSLContext tls, Duration connectTimeout, Duration readTimeout, HostResolver resolver,
                          int maxIdlePerRoute, Duration idleTtl) {
        this.tls = tls.getSocketFactory();
        this.connectTimeout = millis(connectTimeout);
        this.readTimeout = millis(readTimeout);
        this.resolver = resolver;
        this.maxIdlePerRoute = maxIdlePerRoute;
        this.idleTtlNanos = idleTtl.toNanos();
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** The result of {@link #acquire}: a connection, whether it was pooled, and how long setting it up took. */
    public record Lease(UpstreamConnection connection, boolean reused, double dnsMillis, double connectMillis,
                        double sslMillis) {
    }

    /** Number of connections this client has opened (for tests and the benchmark). */
    public int openedConnections() {
        return opened.get();
    }

    /** A pooled connection for {@code route}, or a new one. */
    public Lease acquire(Route route) throws UpstreamException {
        Deque<UpstreamConnection> q = idle.get(route);
        if (q != null) {
            UpstreamConnection c;
            long now = System.nanoTime();
            while ((c = q.pollFirst()) != null) {
                if (c.reusable() && now - c.lastUsedNanos() < idleTtlNanos) {
                    return new Lease(c, true, -1, -1, -1);
                }
                c.close();
            }
        }
        return open(route);
    }

    /** Returns a connection to the pool when it can carry another request; closes it otherwise. */
    public void release(UpstreamConnection c) {
        c.markUsed();
        if (closed || !c.reusable()) {
            c.close();
            return;
        }
        Deque<UpstreamConnection> q = idle.computeIfAbsent(c.route(), r -> new ConcurrentLinkedDeque<>());
        if (q.size() >= maxIdlePerRoute) {
            c.close();
            return;
        }
        q.offerFirst(c);
        if (closed) {
            c.close();
        }
    }

    private Lease open(Route route) throws UpstreamException {
        long t0 = System.nanoTime();
        InetAddress address = resolve(route.connectHost());
        double dns = HostNames.isIpLiteral(route.connectHost()) || HostNames.isLoopbackName(route.connectHost())
                ? -1 : ms(t0);
        long t1 = System.nanoTime();
        Socket s = new Socket();
        String where = HostNames.authority(route.connectHost(), route.port());
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(address, route.port()), connectTimeout);
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            throw new UpstreamException(Kind.CONNECT_TIMEOUT, "connect to " + where + " timed out after "
                    + connectTimeout + " ms", e);
        } catch (ConnectException | NoRouteToHostException e) {
            closeQuietly(s);
            throw new UpstreamException(Kind.CONNECT_FAILED, "connect to " + where + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(s);
            throw new UpstreamException(Kind.CONNECT_FAILED, "connect to " + where + " failed: " + e, e);
        }
        double connect = ms(t1);
        opened.incrementAndGet();
        if (!route.tls()) {
            try {
                s.setSoTimeout(readTimeout);
                return new Lease(track(new UpstreamConnection(route, s, null, null, null)), false, dns,
                        connect, -1);
            } catch (IOException e) {
                closeQuietly(s);
                throw new UpstreamException(Kind.CONNECT_FAILED, "connect to " + where + " failed: " + e, e);
            }
        }
        long t2 = System.nanoTime();
        try {
            SSLSocket ssl = (SSLSocket) tls.createSocket(s, route.host(), route.port(), true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            p.setApplicationProtocols(new String[] {"http/1.1"});
            if (!HostNames.isIpLiteral(route.host())) {
                p.setServerNames(List.of(new SNIHostName(route.host())));
            }
            ssl.setSSLParameters(p);
            ssl.setSoTimeout(connectTimeout);
            ssl.startHandshake();
            ssl.setSoTimeout(readTimeout);
            double sslMs = ms(t2);
            Certificate[] peer = ssl.getSession().getPeerCertificates();
            String subject = peer.length > 0 && peer[0] instanceof X509Certificate x
                    ? x.getSubjectX500Principal().getName() : null;
            UpstreamConnection c = new UpstreamConnection(route, ssl, ssl.getSession().getProtocol(),
                    ssl.getSession().getCipherSuite(), subject);
            return new Lease(track(c), false, dns, connect + sslMs, sslMs);
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            throw new UpstreamException(Kind.CONNECT_TIMEOUT, "TLS handshake with " + where + " timed out", e);
        } catch (SSLException | IllegalArgumentException e) {
            closeQuietly(s);
            throw new UpstreamException(Kind.TLS_FAILURE, "TLS handshake with " + HostNames.authority(route.host(),
                    route.port()) + " failed: " + rootMessage(e), e);
        } catch (IOException e) {
            closeQuietly(s);
            throw new UpstreamException(Kind.UPSTREAM_RESET, "TLS handshake with " + where + " failed: " + e, e);
        }
    }

    private UpstreamConnection track(UpstreamConnection c) {
        live.add(c);
        c.onClose(() -> live.remove(c));
        if (closed) {
            c.close();
        }
        return c;
    }

    private InetAddress resolve(String host) throws UpstreamException {
        if (HostNames.isIpLiteral(host)) {
            return HostNames.parseIpLiteral(host);
        }
        if (HostNames.isLoopbackName(host)) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            InetAddress[] all = resolver.resolve(host);
            if (all == null || all.length == 0) {
                throw new UnknownHostException(host);
            }
            return all[0];
        } catch (UnknownHostException e) {
            throw new UpstreamException(Kind.DNS_FAILURE, "cannot resolve " + host, e);
        }
    }

    /** Writes a request line and headers (ISO-8859-1); the caller writes the body and flushes. */
    public static void writeHead(OutputStream out, String method, String target, List<Header> headers)
            throws IOException {
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        for (Header h : headers) {
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A stream that writes chunked transfer coding to {@code out}; call {@link #finishChunked} at the end. */
    public static OutputStream chunked(OutputStream out) {
        return new BodyStreams.ChunkedOut(out);
    }

    public static void finishChunked(OutputStream chunked) throws IOException {
        ((BodyStreams.ChunkedOut) chunked).finish();
    }

    /**
     * Reads the final response head (skipping 1xx interim responses).
     *
     * @throws EOFException when the connection closes before any byte of a status line
     */
    public static ResponseHead readHead(UpstreamConnection c, String method) throws IOException {
        HttpInput in = c.input();
        while (true) {
            String status = in.readLine();
            if (status == null) {
                throw new EOFException("upstream closed the connection before answering");
            }
            if (status.isEmpty()) {
                continue; // tolerate a stray CRLF between messages
            }
            if (!status.startsWith("HTTP/1.")) {
                throw new UpstreamException(Kind.UPSTREAM_PROTOCOL_ERROR, "upstream did not answer HTTP/1.x: "
                        + printable(status));
            }
            String[] parts = status.split(" ", 3);
            int code;
            try {
                code = Integer.parseInt(parts.length > 1 ? parts[1] : "");
            } catch (NumberFormatException e) {
                throw new UpstreamException(Kind.UPSTREAM_PROTOCOL_ERROR, "bad status line from upstream: "
                        + printable(status));
            }
            if (code < 100 || code > 999) {
                throw new UpstreamException(Kind.UPSTREAM_PROTOCOL_ERROR, "bad status code from upstream: " + code);
            }
            List<Header> headers = new ArrayList<>();
            int total = 0;
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                total += line.length();
                if (total > 256 * 1024 || headers.size() > 500) {
                    throw new UpstreamException(Kind.UPSTREAM_PROTOCOL_ERROR, "upstream response headers too large");
                }
                if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                    Header last = headers.remove(headers.size() - 1); // obsolete line folding
                    headers.add(new Header(last.name(), last.value() + " " + line.trim()));
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new UpstreamException(Kind.UPSTREAM_PROTOCOL_ERROR, "bad header line from upstream: "
                            + printable(line));
                }
                headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
            if (line == null) {
                throw new EOFException("upstream closed the connection inside the response headers");
            }
            if (code >= 100 && code < 200 && code != 101) {
                continue; // 100 Continue, 103 Early Hints: interim
            }
            String version = parts[0];
            String reason = parts.length > 2 ? parts[2] : "";
            boolean keepAlive = !version.equals("HTTP/1.0");
            for (String v : Header.all(headers, "Connection")) {
                String lv = v.toLowerCase(Locale.ROOT);
                if (lv.contains("close")) {
                    keepAlive = false;
                } else if (lv.contains("keep-alive")) {
                    keepAlive = true;
                }
            }
            ResponseHead.Framing framing;
            long length = -1;
            boolean chunked = Header.all(headers, "Transfer-Encoding").stream()
                    .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"));
            if (method.equals("HEAD") || code == 204 || code == 304) {
                framing = ResponseHead.Framing.NONE;
            } else if (code == 101) {
                throw new UpstreamException(Kind.UPSTREAM_PROTOCOL_ERROR, "upstream switched protocols (101): "
                        + "upgrades are not supported by the proxy");
            } else if (chunked) {
                framing = ResponseHead.Framing.CHUNKED;
            } else if (Header.first(headers, "Content-Length").isPresent()) {
                try {
                    length = Long.parseLong(Header.first(headers, "Content-Length").get().trim());
                } catch (NumberFormatException e) {
                    throw new UpstreamException(Kind.UPSTREAM_PROTOCOL_ERROR, "bad Content-Length from upstream");
                }
                if (length < 0) {
                    throw new UpstreamException(Kind.UPSTREAM_PROTOCOL_ERROR, "negative Content-Length from upstream");
                }
                framing = length == 0 ? ResponseHead.Framing.NONE : ResponseHead.Framing.LENGTH;
            } else {
                framing = ResponseHead.Framing.UNTIL_CLOSE;
                keepAlive = false;
            }
            if (!keepAlive) {
                c.notReusable();
            }
            return new ResponseHead(code, reason, headers, framing, length);
        }
    }

    /** The decoded response body (framing removed). */
    public static InputStream body(UpstreamConnection c, ResponseHead head) {
        return switch (head.framing()) {
            case NONE -> InputStream.nullInputStream();
            case LENGTH -> new BodyStreams.FixedLength(c.input(), head.contentLength());
            case CHUNKED -> new BodyStreams.Chunked(c.input());
            case UNTIL_CLOSE -> c.input();
        };
    }

    private static String printable(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** Closes every connection, pooled or in use: requests blocked on an upstream fail at once. */
    @Override
    public void close() {
        closed = true;
        for (Deque<UpstreamConnection> q : idle.values()) {
            UpstreamConnection c;
            while ((c = q.pollFirst()) != null) {
                c.close();
            }
        }
        for (UpstreamConnection c : List.copyOf(live)) {
            c.close();
        }
    }
}
