package org.mfaharness.proxy.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** Opens a TLS socket to {@code host:port} through the proxy's CONNECT, for tests that write bytes by hand. */
public final class TunnelSocket {
    private TunnelSocket() {
    }

    public static SSLSocket open(InetSocketAddress proxy, String host, int port, SSLContext trust) throws IOException {
        Socket s = new Socket(proxy.getAddress(), proxy.getPort());
        s.setTcpNoDelay(true);
        s.setSoTimeout(30_000);
        s.getOutputStream().write(("CONNECT " + host + ":" + port + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String head = readHead(s.getInputStream());
        if (!head.startsWith("HTTP/1.1 200")) {
            s.close();
            throw new IOException("CONNECT refused: " + head);
        }
        SSLSocket ssl = (SSLSocket) trust.getSocketFactory().createSocket(s, host, port, true);
        ssl.startHandshake();
        return ssl;
    }

    /** Reads bytes up to and including the blank line ending a head. */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int c;
        int state = 0;
        while ((c = in.read()) >= 0) {
            out.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                break;
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
