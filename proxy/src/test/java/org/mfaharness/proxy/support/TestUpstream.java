package org.mfaharness.proxy.support;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/** A loopback Undertow server for tests: plain or TLS, with a blocking handler; counts connections seen. */
public final class TestUpstream implements AutoCloseable {
    private final Undertow server;
    private final int port;
    private final Set<String> connections = ConcurrentHashMap.newKeySet();

    public interface BlockingHandler {
        void handle(HttpServerExchange ex) throws Exception;
    }

    private TestUpstream(SSLContext tls, BlockingHandler handler) {
        HttpHandler h = new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange ex) throws Exception {
                if (ex.isInIoThread()) {
                    ex.dispatch(this);
                    return;
                }
                ex.startBlocking();
                connections.add(ex.getSourceAddress().toString());
                handler.handle(ex);
            }
        };
        Undertow.Builder b = Undertow.builder().setIoThreads(2).setWorkerThreads(16).setHandler(h)
                .setServerOption(io.undertow.UndertowOptions.MAX_ENTITY_SIZE, -1L);
        if (tls != null) {
            b.addHttpsListener(0, "127.0.0.1", tls);
        } else {
            b.addHttpListener(0, "127.0.0.1");
        }
        server = b.build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    public static TestUpstream http(BlockingHandler handler) {
        return new TestUpstream(null, handler);
    }

    public static TestUpstream https(SSLContext tls, BlockingHandler handler) {
        return new TestUpstream(tls, handler);
    }

    public int port() {
        return port;
    }

    /** Distinct client connections (source address:port) seen so far. */
    public int connectionsSeen() {
        return connections.size();
    }

    @Override
    public void close() {
        server.stop();
    }

    public static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** Answers with {@code text} as text/plain. */
    public static void text(HttpServerExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        ex.setResponseContentLength(b.length);
        ex.getOutputStream().write(b);
        ex.getOutputStream().close();
    }

    /** Echoes method, path, query and body back; content type of the request kept. */
    public static void echo(HttpServerExchange ex) throws IOException {
        byte[] body = readAll(ex.getInputStream());
        String ct = ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, ct == null ? "application/octet-stream" : ct);
        ex.getResponseHeaders().put(io.undertow.util.HttpString.tryFromString("X-Echo-Method"), ex.getRequestMethod().toString());
        ex.getResponseHeaders().put(io.undertow.util.HttpString.tryFromString("X-Echo-Uri"),
                ex.getRequestURI() + (ex.getQueryString().isEmpty() ? "" : "?" + ex.getQueryString()));
        ex.getResponseHeaders().put(io.undertow.util.HttpString.tryFromString("X-Echo-Host"),
                String.valueOf(ex.getRequestHeaders().getFirst(Headers.HOST)));
        ex.setResponseContentLength(body.length);
        ex.getOutputStream().write(body);
        ex.getOutputStream().close();
    }
}
