package org.mfaharness.proxy.upstream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** One open upstream connection. Used by one request at a time; not thread-safe. */
public final class UpstreamConnection implements AutoCloseable {
    private final Route route;
    private final Socket socket;
    private final HttpInput in;
    private final OutputStream out;
    private final String remote;
    private final String tlsProtocol;
    private final String tlsCipher;
    private final String peerSubject;
    private long lastUsedNanos;
    private boolean reusable = true;
    private volatile Runnable onClose;

    UpstreamConnection(Route route, Socket socket, String tlsProtocol, String tlsCipher, String peerSubject)
            throws IOException {
        this.route = route;
        this.socket = socket;
        this.in = new HttpInput(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        this.remote = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        this.tlsProtocol = tlsProtocol;
        this.tlsCipher = tlsCipher;
        this.peerSubject = peerSubject;
        this.lastUsedNanos = System.nanoTime();
    }

    public Route route() {
        return route;
    }

    HttpInput input() {
        return in;
    }

    public OutputStream output() {
        return out;
    }

    /** The connected address, {@code ip:port}. */
    public String remoteAddress() {
        return remote;
    }

    public String tlsProtocol() {
        return tlsProtocol;
    }

    public String tlsCipher() {
        return tlsCipher;
    }

    public String peerSubject() {
        return peerSubject;
    }

    void markUsed() {
        lastUsedNanos = System.nanoTime();
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    public void notReusable() {
        reusable = false;
    }

    boolean reusable() {
        return reusable && !socket.isClosed();
    }

    void onClose(Runnable r) {
        this.onClose = r;
    }

    @Override
    public void close() {
        Runnable r = onClose;
        if (r != null) {
            onClose = null;
            r.run();
        }
        reusable = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
