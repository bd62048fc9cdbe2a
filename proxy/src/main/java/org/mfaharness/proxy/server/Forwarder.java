package org.mfaharness.proxy.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.exchange.ExchangeError;
import org.mfaharness.proxy.exchange.ExchangeError.Kind;
import org.mfaharness.proxy.exchange.Header;
import org.mfaharness.proxy.exchange.Timings;
import org.mfaharness.proxy.exchange.TlsDetails;
import org.mfaharness.proxy.upstream.ResponseHead;
import org.mfaharness.proxy.upstream.Route;
import org.mfaharness.proxy.upstream.UpstreamClient;
import org.mfaharness.proxy.upstream.UpstreamConnection;
import org.mfaharness.proxy.upstream.UpstreamDecision;
import org.mfaharness.proxy.upstream.UpstreamException;
import org.mfaharness.proxy.upstream.UpstreamPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards one request upstream on a worker thread (blocking I/O) and streams the response back, capturing a bounded
 * prefix of both bodies. Every outcome is recorded: a policy refusal or an upstream failure before the response
 * started becomes a 502/504 answer; a failure after it cuts the client connection (the client sees a short body)
 * and is recorded with the status that had been sent.
 */
final class Forwarder {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    /** Request bodies up to this size are read before connecting, so a stale pooled connection can be retried. */
    static final int REPLAY_WINDOW = 64 * 1024;
    /** Responses up to this size (with a Content-Length) are read whole and sent from the I/O thread. */
    static final int INLINE_RESPONSE = 64 * 1024;
    private static final int COPY_BUFFER = 16 * 1024;
    private static final ThreadLocal<byte[]> COPY = ThreadLocal.withInitial(() -> new byte[COPY_BUFFER]);
    private static final ThreadLocal<byte[]> REPLAY = ThreadLocal.withInitial(() -> new byte[REPLAY_WINDOW]);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade", "expect",
            "content-length");

    private final UpstreamPolicy policy;
    private final UpstreamClient client;
    private final ExchangeSink sink;
    private final int captureLimit;
    private final AtomicLong sequence;

    Forwarder(UpstreamPolicy policy, UpstreamClient client, ExchangeSink sink, int captureLimit, AtomicLong sequence) {
        this.policy = policy;
        this.client = client;
        this.sink = sink;
        this.captureLimit = captureLimit;
        this.sequence = sequence;
    }

    /** Mutable state of one exchange while it runs. */
    private final class Record {
        final Instant started = Instant.now();
        final HttpServerExchange ex;
        final Target target;
        final String method;
        final List<Header> requestHeaders;
        /** The request's Content-Length, or -1 when absent or unparsable. */
        final long declaredLength;
        final boolean chunkedRequest;
        Capture request = new Capture(0, 0);
        Capture response = new Capture(0, 0);
        int status;
        String reason = "";
        List<Header> responseHeaders = List.of();
        double blocked = -1;
        double dns = -1;
        double connect = -1;
        double ssl = -1;
        double send;
        double waiting;
        double receive;
        TlsDetails tls;
        String server;

        Record(HttpServerExchange ex, Target target) {
            this.ex = ex;
            this.target = target;
            this.method = ex.getRequestMethod().toString();
            this.requestHeaders = headers(ex.getRequestHeaders());
            this.declaredLength = contentLength(ex.getRequestHeaders());
            this.chunkedRequest = isChunked(ex.getRequestHeaders());
            this.tls = target.clientTls();
        }

        void complete(ExchangeError error) {
            Exchange e = new Exchange(sequence.incrementAndGet(), started, address(ex.getSourceAddress()), method,
                    target.url(), ex.getProtocol().toString(), requestHeaders, request.toBody(), status, reason,
                    responseHeaders, response.toBody(), new Timings(blocked, dns, connect, ssl, send, waiting, receive),
                    tls, error, server);
            try {
                sink.accept(e);
            } catch (RuntimeException re) {
                LOG.warn("exchange sink failed: {}", re.toString());
            }
        }
    }

    /**
     * Serves one request. Called on the I/O thread: a body of known small size (or none) is read without blocking,
     * then the upstream exchange runs on a worker; a small response is sent back from the I/O thread, so the
     * exchange also ends there. Bodies that are large, chunked or of unknown length are streamed in blocking mode.
     */
    void handle(HttpServerExchange ex, Target target) {
        Record r = new Record(ex, target);
        long declared = r.declaredLength;
        Executor worker = ex.getConnection().getWorker();
        if (!r.chunkedRequest && declared <= REPLAY_WINDOW) {
            if (declared <= 0) {
                ex.dispatch(worker, () -> run(r, new byte[0]));
                return;
            }
            ex.getRequestReceiver().receiveFullBytes(
                    (e, bytes) -> e.dispatch(worker, () -> run(r, bytes)),
                    (e, error) -> e.dispatch(worker, () -> clientAborted(r,
                            "client closed the connection while sending the request body: " + error.getMessage())));
            return;
        }
        ex.dispatch(worker, () -> {
            ex.startBlocking();
            run(r, null);
        });
    }

    /** Runs {@link #forward} on a worker; a blocking-mode exchange is ended here (draining the request). */
    private void run(Record r, byte[] body) {
        try {
            forward(r, body);
        } catch (RuntimeException e) {
            LOG.error("proxy fault on {} {}: {}", r.method, r.target.url(), e.toString(), e);
            answerError(r, new UpstreamException(Kind.INTERNAL, "internal proxy error: " + e));
        } finally {
            HttpServerExchange ex = r.ex;
            if (ex.isBlocking() && !ex.isComplete()) {
                try {
                    ex.endExchange();
                } catch (RuntimeException ignored) {
                    // connection already gone
                }
            }
        }
    }

    /** Forwards with the whole body in hand ({@code body != null}) or streaming it from the client. */
    private void forward(Record r, byte[] body) {
        HttpServerExchange ex = r.ex;
        Target target = r.target;
        UpstreamDecision d = policy.decide(target.host(), target.port());
        if (!d.allowed()) {
            answerError(r, new UpstreamException(Kind.POLICY_REFUSED, d.reason()));
            return;
        }
        Route route = new Route(target.tls(), d.host(), d.connectHost(), d.connectPort());
        long declared = r.declaredLength;
        boolean hasBody = body != null ? body.length > 0 : declared > 0 || r.chunkedRequest;

        InputStream clientIn = null;
        byte[] replay;
        int replayLen = 0;
        boolean complete;
        long sendStart = System.nanoTime();
        if (body != null) {
            replay = body;
            replayLen = body.length;
            complete = true;
            r.request = new Capture(captureLimit, replayLen);
            r.request.add(body, 0, replayLen);
        } else {
            r.request = new Capture(captureLimit, (int) Math.min(declared, captureLimit));
            clientIn = ex.getInputStream();
            replay = REPLAY.get();
            complete = !hasBody;
            if (hasBody) {
                try {
                    while (replayLen < replay.length) {
                        int n = clientIn.read(replay, replayLen, replay.length - replayLen);
                        if (n < 0) {
                            complete = true;
                            break;
                        }
                        replayLen += n;
                    }
                    if (!complete && declared >= 0 && replayLen >= declared) {
                        complete = true;
                    }
                } catch (IOException e) {
                    r.request.add(replay, 0, replayLen);
                    clientAborted(r, "client closed the connection while sending the request body: " + e.getMessage());
                    return;
                }
                r.request.add(replay, 0, replayLen);
            }
        }
        double preRead = ms(sendStart);
        long bodyLength = complete ? replayLen : declared;
        List<Header> upstreamHeaders = upstreamHeaders(r.requestHeaders, target, hasBody, bodyLength);

        UpstreamConnection conn = null;
        ResponseHead head = null;
        for (int attempt = 0; head == null; attempt++) {
            long a0 = System.nanoTime();
            UpstreamClient.Lease lease;
            try {
                lease = client.acquire(route);
            } catch (UpstreamException e) {
                answerError(r, e);
                return;
            }
            conn = lease.connection();
            r.dns = lease.dnsMillis();
            r.connect = lease.connectMillis();
            r.ssl = lease.sslMillis();
            double acquired = ms(a0);
            r.blocked = Math.max(0, acquired - Math.max(0, r.dns) - Math.max(0, r.connect));
            r.server = conn.remoteAddress();
            if (target.tls()) {
                r.tls = (r.tls == null ? new TlsDetails(null, null, null, null, null, null) : r.tls)
                        .withUpstream(conn.tlsProtocol(), conn.tlsCipher(), conn.peerSubject());
            }
            long s0 = System.nanoTime();
            try {
                OutputStream out = conn.output();
                UpstreamClient.writeHead(out, r.method, target.requestTarget(), upstreamHeaders);
                if (hasBody) {
                    OutputStream bodyOut = bodyLength >= 0 ? out : UpstreamClient.chunked(out);
                    bodyOut.write(replay, 0, replayLen);
                    if (!complete) {
                        bodyOut.flush();
                        streamRequestRest(r, clientIn, bodyOut);
                    }
                    if (bodyLength < 0) {
                        UpstreamClient.finishChunked(bodyOut);
                    }
                }
                out.flush();
                r.send = preRead + ms(s0); // reading the client's body counts as sending
                long w0 = System.nanoTime();
                head = UpstreamClient.readHead(conn, r.method);
                r.waiting = ms(w0);
            } catch (ClientGone g) {
                conn.close();
                clientAborted(r, g.getMessage());
                return;
            } catch (IOException e) {
                conn.close();
                boolean staleRetry = lease.reused() && complete && attempt == 0
                        && !(e instanceof SocketTimeoutException) && !(e instanceof UpstreamException);
                if (staleRetry) {
                    LOG.debug("retrying on a fresh connection after a stale pooled one failed: {}", e.toString());
                    continue;
                }
                answerError(r, classify(e, "before answering"));
                return;
            }
        }

        r.status = head.status();
        r.reason = head.reason();
        r.responseHeaders = head.headers();
        r.response = new Capture(captureLimit, (int) Math.min(head.contentLength(), captureLimit));
        InputStream upBody = UpstreamClient.body(conn, head);
        boolean small = head.framing() == ResponseHead.Framing.NONE
                || (head.framing() == ResponseHead.Framing.LENGTH && head.contentLength() <= INLINE_RESPONSE);
        if (small && !ex.isBlocking()) {
            sendSmallResponse(r, conn, head, upBody);
            return;
        }
        if (!ex.isBlocking()) {
            ex.startBlocking();
        }
        setResponseHead(ex, r.method, head);
        long rc0 = System.nanoTime();
        byte[] buf = COPY.get();
        OutputStream clientOut = ex.getOutputStream();
        try {
            while (true) {
                int n;
                try {
                    n = upBody.read(buf, 0, buf.length);
                } catch (IOException e) {
                    conn.close();
                    r.receive = ms(rc0);
                    cutClient(r, classify(e, "in the middle of the response body"));
                    return;
                }
                if (n < 0) {
                    break;
                }
                r.response.add(buf, 0, n);
                clientOut.write(buf, 0, n);
                if (upBody.available() == 0) {
                    clientOut.flush(); // pass bytes on as they come (streamed responses, early failures)
                }
            }
            clientOut.close();
        } catch (IOException e) {
            conn.close();
            r.receive = ms(rc0);
            clientAborted(r, "client closed the connection while receiving the response: " + e.getMessage());
            return;
        }
        r.receive = ms(rc0);
        client.release(conn);
        r.complete(null);
    }

    /**
     * Reads a small response whole on the worker, then sends it from the connection's I/O thread: ending the
     * exchange there avoids Undertow's I/O thread spinning while a worker completes the exchange.
     */
    private void sendSmallResponse(Record r, UpstreamConnection conn, ResponseHead head, InputStream upBody) {
        long rc0 = System.nanoTime();
        byte[] bytes;
        try {
            bytes = head.framing() == ResponseHead.Framing.NONE ? new byte[0] : upBody.readNBytes((int) head.contentLength());
            if (bytes.length < head.contentLength() && head.framing() == ResponseHead.Framing.LENGTH) {
                throw new EOFException("upstream closed the connection with "
                        + (head.contentLength() - bytes.length) + " body bytes missing");
            }
        } catch (IOException e) {
            conn.close();
            r.receive = ms(rc0);
            // Nothing was sent yet: the client gets the status and headers with the bytes that came, then a cut.
            answerPartialThenCut(r, head, e);
            return;
        }
        r.receive = ms(rc0);
        r.response.add(bytes, 0, bytes.length);
        client.release(conn);
        r.complete(null);
        HttpServerExchange ex = r.ex;
        ex.getIoThread().execute(() -> {
            setResponseHead(ex, r.method, head);
            ex.getResponseSender().send(java.nio.ByteBuffer.wrap(bytes));
        });
    }

    private void answerPartialThenCut(Record r, ResponseHead head, IOException e) {
        HttpServerExchange ex = r.ex;
        ex.startBlocking();
        setResponseHead(ex, r.method, head);
        try {
            ex.getOutputStream().flush();
        } catch (IOException ignored) {
            // the cut follows anyway
        }
        cutClient(r, classify(e, "in the middle of the response body"));
    }

    private static void setResponseHead(HttpServerExchange ex, String method, ResponseHead head) {
        ex.setStatusCode(head.status());
        if (!head.reason().isEmpty()) {
            ex.setReasonPhrase(head.reason());
        }
        HeaderMap out = ex.getResponseHeaders();
        Set<String> connectionTokens = connectionTokens(head.headers());
        for (Header h : head.headers()) {
            String lower = h.name().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || connectionTokens.contains(lower)) {
                continue;
            }
            out.add(HttpString.tryFromString(h.name()), h.value());
        }
        if (head.framing() == ResponseHead.Framing.LENGTH) {
            ex.setResponseContentLength(head.contentLength());
        } else if (head.framing() == ResponseHead.Framing.NONE) {
            Header.first(head.headers(), "Content-Length")
                    .ifPresent(v -> out.put(io.undertow.util.Headers.CONTENT_LENGTH, v));
            if (!method.equals("HEAD") && Header.first(head.headers(), "Content-Length").isEmpty()
                    && head.status() != 204 && head.status() != 304) {
                ex.setResponseContentLength(0);
            }
        }
    }

    /** Thrown when reading the request body from the client fails. */
    private static final class ClientGone extends IOException {
        private static final long serialVersionUID = 1L;

        ClientGone(String m) {
            super(m);
        }
    }

    private void streamRequestRest(Record r, InputStream clientIn, OutputStream bodyOut) throws IOException {
        byte[] buf = COPY.get();
        while (true) {
            int n;
            try {
                n = clientIn.read(buf, 0, buf.length);
            } catch (IOException e) {
                throw new ClientGone("client closed the connection while sending the request body: " + e.getMessage());
            }
            if (n < 0) {
                return;
            }
            r.request.add(buf, 0, n);
            bodyOut.write(buf, 0, n);
            if (clientIn.available() == 0) {
                bodyOut.flush(); // the upstream sees what the client has sent so far
            }
        }
    }

    private static UpstreamException classify(IOException e, String when) {
        if (e instanceof UpstreamException u) {
            return u;
        }
        if (e instanceof SocketTimeoutException) {
            return new UpstreamException(Kind.READ_TIMEOUT, "upstream did not answer within the read timeout (" + when
                    + ")", e);
        }
        String m = e instanceof EOFException ? e.getMessage() : "upstream connection failed " + when + ": " + e;
        return new UpstreamException(Kind.UPSTREAM_RESET, m, e);
    }

    /** Answers 502/504 with a one-line text body and records it. */
    private void answerError(Record r, UpstreamException e) {
        int status = e.status();
        byte[] body = recordTextAnswer(r, status, status == 504 ? "Gateway Timeout" : "Bad Gateway", e.getMessage());
        if (e.kind() == Kind.POLICY_REFUSED) {
            LOG.info("{}", e.getMessage());
        } else {
            LOG.debug("{} {}: {}", r.method, r.target.url(), e.getMessage());
        }
        HttpServerExchange ex = r.ex;
        try {
            if (!ex.isBlocking()) {
                ex.startBlocking();
            }
            if (!ex.isResponseStarted()) {
                ex.setStatusCode(status);
                ex.setReasonPhrase(r.reason);
                ex.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
                ex.setResponseContentLength(body.length);
                OutputStream o = ex.getOutputStream();
                o.write(body);
                o.close();
            } else {
                ex.getConnection().close();
            }
        } catch (IOException io) {
            LOG.debug("client went away while receiving a {}: {}", status, io.toString());
        }
        r.complete(new ExchangeError(e.kind(), e.getMessage()));
    }

    /**
     * Records the proxy's own one-line text answer ({@code mfa-harness proxy: message}) as the exchange's response.
     *
     * @return the body bytes to send
     */
    private byte[] recordTextAnswer(Record r, int status, String reason, String message) {
        byte[] body = ("mfa-harness proxy: " + message + "\n").getBytes(StandardCharsets.UTF_8);
        r.status = status;
        r.reason = reason;
        r.responseHeaders = List.of(new Header("Content-Type", "text/plain; charset=utf-8"),
                new Header("Content-Length", Integer.toString(body.length)));
        r.response = new Capture(captureLimit, body.length);
        r.response.add(body, 0, body.length);
        return body;
    }

    /** The response had started: the client can only learn of the failure by a cut connection. */
    private void cutClient(Record r, UpstreamException e) {
        try {
            r.ex.getConnection().close();
        } catch (IOException ignored) {
            // closing anyway
        }
        r.complete(new ExchangeError(e.kind(), e.getMessage()));
    }

    private void clientAborted(Record r, String message) {
        try {
            r.ex.getConnection().close();
        } catch (IOException ignored) {
            // already gone
        }
        r.complete(new ExchangeError(Kind.CLIENT_ABORTED, message));
    }

    /** Headers sent upstream: hop-by-hop headers removed, Host set from the target, framing ours. */
    private static List<Header> upstreamHeaders(List<Header> in, Target target, boolean hasBody, long bodyLength) {
        Set<String> tokens = connectionTokens(in);
        List<Header> out = new ArrayList<>(in.size() + 2);
        boolean host = false;
        for (Header h : in) {
            String lower = h.name().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || tokens.contains(lower)) {
                continue;
            }
            if (lower.equals("host")) {
                if (host) {
                    continue;
                }
                host = true;
                out.add(new Header(h.name(), target.authority()));
                continue;
            }
            if (lower.equals("accept-encoding")) {
                String ae = acceptEncoding(h.value());
                if (ae != null) {
                    out.add(new Header(h.name(), ae));
                }
                continue;
            }
            out.add(h);
        }
        if (!host) {
            out.add(0, new Header("Host", target.authority()));
        }
        if (hasBody) {
            out.add(bodyLength >= 0 ? new Header("Content-Length", Long.toString(bodyLength))
                    : new Header("Transfer-Encoding", "chunked"));
        }
        return out;
    }

    /**
     * Keeps only the content codings the proxy can decode for the record (gzip, deflate), so captured bodies stay
     * readable; null when none is left (the upstream then answers with identity).
     */
    static String acceptEncoding(String value) {
        List<String> keep = new ArrayList<>();
        for (String part : value.split(",")) {
            String coding = part.trim();
            String name = coding.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (name.equals("gzip") || name.equals("deflate") || name.equals("identity")) {
                keep.add(coding);
            }
        }
        return keep.isEmpty() ? null : String.join(", ", keep);
    }

    private static Set<String> connectionTokens(List<Header> headers) {
        Set<String> tokens = new HashSet<>();
        for (String v : Header.all(headers, "Connection")) {
            for (String t : v.split(",")) {
                tokens.add(t.trim().toLowerCase(Locale.ROOT));
            }
        }
        tokens.remove("close");
        tokens.remove("keep-alive");
        return tokens;
    }

    static List<Header> headers(HeaderMap map) {
        List<Header> out = new ArrayList<>(map.size());
        for (HeaderValues values : map) {
            String name = values.getHeaderName().toString();
            for (String v : values) {
                out.add(new Header(name, v));
            }
        }
        return out;
    }

    private static long contentLength(HeaderMap h) {
        String v = h.getFirst(io.undertow.util.Headers.CONTENT_LENGTH);
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isChunked(HeaderMap h) {
        String v = h.getFirst(io.undertow.util.Headers.TRANSFER_ENCODING);
        return v != null && v.toLowerCase(Locale.ROOT).contains("chunked");
    }

    static String address(SocketAddress a) {
        if (a instanceof InetSocketAddress i) {
            return (i.getAddress() != null ? i.getAddress().getHostAddress() : i.getHostString()) + ":" + i.getPort();
        }
        return a == null ? null : a.toString();
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    /** Records and answers a request the proxy cannot serve (400). */
    void badRequest(HttpServerExchange ex, Target target, String message) {
        Record r = new Record(ex, target);
        byte[] body = recordTextAnswer(r, 400, "Bad Request", message);
        if (!ex.isResponseStarted()) {
            ex.setStatusCode(400);
            ex.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
            ex.getResponseHeaders().put(io.undertow.util.Headers.CONNECTION, "close");
            ex.setResponseContentLength(body.length);
            ex.getResponseSender().send(java.nio.ByteBuffer.wrap(body));
        }
        r.complete(new ExchangeError(Kind.BAD_REQUEST, message));
    }
}
