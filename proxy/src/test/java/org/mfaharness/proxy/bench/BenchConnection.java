package org.mfaharness.proxy.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive HTTP/1.1 client connection over TLS, direct or through a proxy's CONNECT; a raw socket client with
 * no per-request allocation beyond parsing. Not thread-safe.
 */
final class BenchConnection implements AutoCloseable {
    private final SSLSocket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] request;
    private final byte[] bodyBuffer = new byte[16 * 1024];

    BenchConnection(SSLContext tls, int proxyPort, int upstreamPort, byte[] body) throws IOException {
        Socket plain = new Socket(InetAddress.getLoopbackAddress(), proxyPort > 0 ? proxyPort : upstreamPort);
        plain.setTcpNoDelay(true);
        plain.setSoTimeout(60_000);
        if (proxyPort > 0) {
            plain.getOutputStream().write(("CONNECT localhost:" + upstreamPort + " HTTP/1.1\r\nHost: localhost:"
                    + upstreamPort + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String head = readHead(plain.getInputStream());
            if (!head.startsWith("HTTP/1.1 200") && !head.startsWith("HTTP/1.0 200")) {
                plain.close();
                throw new IOException("CONNECT failed: " + head.lines().findFirst().orElse(""));
            }
        }
        socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", upstreamPort, true);
        socket.startHandshake();
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
        byte[] head = ("POST /bench HTTP/1.1\r\nHost: localhost:" + upstreamPort + "\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
    }

    /** One request/response; returns the response body length. */
    int roundTrip() throws IOException {
        out.write(request);
        out.flush();
        int status = -1;
        long length = -1;
        StringBuilder line = new StringBuilder(64);
        boolean first = true;
        while (true) {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed in the response head");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (line.length() == 0) {
                break;
            }
            if (first) {
                status = Integer.parseInt(line.substring(9, 12));
                first = false;
            } else if (line.length() > 15 && line.charAt(14) == ':' && line.substring(0, 14).equalsIgnoreCase("content-length")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        if (status != 200) {
            throw new IOException("status " + status);
        }
        if (length < 0) {
            throw new IOException("no Content-Length");
        }
        long left = length;
        while (left > 0) {
            int n = in.read(bodyBuffer, 0, (int) Math.min(bodyBuffer.length, left));
            if (n < 0) {
                throw new IOException("connection closed in the response body");
            }
            left -= n;
        }
        return (int) length;
    }

    static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.charAt(sb.length() - 1) == '\n' && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return sb.toString();
    }

    static byte[] body(int size, char seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + (i * 7 + seed) % 26);
        }
        return b;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
