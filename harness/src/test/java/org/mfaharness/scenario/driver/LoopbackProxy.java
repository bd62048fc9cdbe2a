package org.mfaharness.scenario.driver;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal test-only HTTP forward proxy on 127.0.0.1, standing in for the harness's proxy module (not on main yet)
 * so HtmlUnit can be opened through {@code BrowserFactory}, which always gives HtmlUnit a proxy. It forwards
 * absolute-form requests ({@code GET http://127.0.0.1:P/x}) and tunnels {@code CONNECT} (for the lab's HTTPS), but
 * only to loopback: the decision is made from the name in the request ({@code localhost}, {@code 127.0.0.1},
 * {@code [::1]}) before any lookup, and every other target is answered 502 and recorded in {@link #refused}.
 */
final class LoopbackProxy implements AutoCloseable {
    final List<String> refused = new CopyOnWriteArrayList<>();
    final AtomicInteger forwarded = new AtomicInteger();
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-loopback-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    LoopbackProxy() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1", e);
        }
        pool.submit(this::acceptLoop);
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket c = server.accept();
                pool.submit(() -> handle(c));
            } catch (IOException e) {
                if (!closed) {
                    refused.add("accept failed: " + e.getClass().getSimpleName());
                }
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            if (requestLine.length != 3) {
                return;
            }
            String method = requestLine[0];
            String target = requestLine[1];
            OutputStream out = client.getOutputStream();
            if (method.equals("CONNECT")) {
                int colon = target.lastIndexOf(':');
                InetAddress to = loopback(target.substring(0, colon));
                if (to == null) {
                    refuse(out, target);
                    return;
                }
                try (Socket up = new Socket(to, Integer.parseInt(target.substring(colon + 1)))) {
                    forwarded.incrementAndGet();
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    pipeBoth(in, out, up);
                }
                return;
            }
            URI uri = URI.create(target);
            InetAddress to = uri.getHost() == null ? null : loopback(uri.getHost());
            if (to == null || !"http".equals(uri.getScheme())) {
                refuse(out, target);
                return;
            }
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            try (Socket up = new Socket(to, port)) {
                forwarded.incrementAndGet();
                StringBuilder h = new StringBuilder(method).append(' ').append(uri.getRawPath() == null
                        || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                        .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(' ')
                        .append(requestLine[2]).append("\r\n");
                for (int i = 1; i < lines.length; i++) {
                    String lower = lines[i].toLowerCase(Locale.ROOT);
                    if (!lower.startsWith("proxy-connection:") && !lower.startsWith("connection:")
                            && !lower.startsWith("keep-alive:")) {
                        h.append(lines[i]).append("\r\n");
                    }
                }
                h.append("Connection: close\r\n\r\n");
                up.getOutputStream().write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
                up.getOutputStream().flush();
                pipeBoth(in, out, up);
            }
        } catch (IOException | RuntimeException e) {
            // The browser or the upstream closed the connection: nothing to clean up beyond the sockets.
        }
    }

    /** Copies client to upstream on a helper thread and upstream to client here, until upstream closes. */
    private void pipeBoth(InputStream clientIn, OutputStream clientOut, Socket up) throws IOException {
        InputStream upIn = up.getInputStream();
        OutputStream upOut = up.getOutputStream();
        pool.submit(() -> {
            try {
                clientIn.transferTo(upOut);
                up.shutdownOutput();
            } catch (IOException e) {
                // closed
            }
        });
        upIn.transferTo(clientOut);
        clientOut.flush();
    }

    private void refuse(OutputStream out, String target) throws IOException {
        refused.add(target);
        out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The loopback address a name stands for, decided without any lookup; null for anything else. */
    private static InetAddress loopback(String host) throws IOException {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("127.0.0.1")) {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        }
        if (h.equals("[::1]") || h.equals("::1")) {
            return InetAddress.getByAddress("localhost", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        }
        return null;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        while (b.size() < 65536) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            b.write(c);
            state = switch (state) {
                case 0 -> c == '\r' ? 1 : 0;
                case 1 -> c == '\n' ? 2 : c == '\r' ? 1 : 0;
                case 2 -> c == '\r' ? 3 : 0;
                default -> c == '\n' ? 4 : c == '\r' ? 1 : 0;
            };
            if (state == 4) {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.substring(0, s.length() - 4);
            }
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        pool.shutdownNow();
    }
}
