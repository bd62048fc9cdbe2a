package org.mfaharness.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.mfaharness.proxy.support.TunnelSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.support.ProxyFixture;
import org.mfaharness.proxy.support.ProxyFixture.Recorder;
import org.mfaharness.proxy.support.TestUpstream;

/**
 * 50 MB bodies in both directions through the TLS interception. Streaming is shown by a handshake a buffering proxy
 * could not pass: one side stops after the first megabyte until the other side has received it.
 */
class LargeBodyTest {
    private static final int SIZE = 50 * 1024 * 1024;
    private static final int FIRST = 1024 * 1024;
    private static final int CAPTURE = 256 * 1024;

    /** Deterministic bytes; blocks after {@code FIRST} bytes until {@code release} opens. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private final CountDownLatch release;
        private long pos;

        PatternStream(long size, CountDownLatch release) {
            this.size = size;
            this.release = release;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= size) {
                return -1;
            }
            if (pos == FIRST && release != null) {
                try {
                    if (!release.await(20, TimeUnit.SECONDS)) {
                        throw new IOException("the other side never saw the first megabyte: the body was buffered");
                    }
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            long limit = pos < FIRST ? FIRST : size;
            int n = (int) Math.min(len, limit - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((pos + i) * 31 >>> 3);
            }
            pos += n;
            return n;
        }
    }

    private static String sha256(InputStream in, CountDownLatch afterFirst) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
            total += n;
            if (afterFirst != null && total >= FIRST) {
                afterFirst.countDown();
            }
        }
        return HexFormat.of().formatHex(md.digest()) + "/" + total;
    }

    @Test
    void fiftyMegabyteUploadIsStreamedToTheUpstreamAndRecordedAsATruncatedPrefix() throws Exception {
        CountDownLatch upstreamHasFirstMegabyte = new CountDownLatch(1);
        String expected = sha256(new PatternStream(SIZE, null), null);
        Recorder rec = new Recorder();
        try (TestUpstream up = TestUpstream.https(ProxyFixture.LAB_CA.serverSslContext("localhost"),
                ex -> TestUpstream.text(ex, 200, sha256(ex.getInputStream(), upstreamHasFirstMegabyte)));
             InterceptingProxy proxy = ProxyFixture.proxy().maxCaptureBytes(CAPTURE).listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            // A hand-written client: the JDK client's InputStream publisher blocks its own I/O while it waits.
            try (SSLSocket s = TunnelSocket.open(at, "localhost", up.port(), ProxyFixture.LAB_CA.clientSslContext())) {
                OutputStream out = s.getOutputStream();
                out.write(("POST /upload HTTP/1.1\r\nHost: localhost:" + up.port() + "\r\nContent-Type: "
                        + "application/octet-stream\r\nContent-Length: " + SIZE + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                PatternStream body = new PatternStream(SIZE, upstreamHasFirstMegabyte);
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = body.read(buf, 0, buf.length)) > 0) {
                    out.write(buf, 0, n);
                }
                out.flush();
                String head = TunnelSocket.readHead(s.getInputStream());
                assertThat(head).startsWith("HTTP/1.1 200");
                int len = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
                assertThat(new String(s.getInputStream().readNBytes(len), StandardCharsets.UTF_8)).isEqualTo(expected);
            }
            Exchange e = rec.only(proxy);
            assertThat(e.requestBody().originalSize()).isEqualTo(SIZE);
            assertThat(e.requestBody().capturedLength()).isEqualTo(CAPTURE);
            assertThat(e.requestBody().truncated()).isTrue();
        }
    }

    @Test
    void fiftyMegabyteDownloadIsStreamedToTheClientAndRecordedAsATruncatedPrefix() throws Exception {
        CountDownLatch clientHasFirstMegabyte = new CountDownLatch(1);
        String expected = sha256(new PatternStream(SIZE, null), null);
        Recorder rec = new Recorder();
        try (TestUpstream up = TestUpstream.https(ProxyFixture.LAB_CA.serverSslContext("localhost"), ex -> {
                ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/octet-stream");
                ex.setResponseContentLength(SIZE);
                PatternStream body = new PatternStream(SIZE, clientHasFirstMegabyte);
                byte[] buf = new byte[64 * 1024];
                int n;
                var out = ex.getOutputStream();
                while ((n = body.read(buf, 0, buf.length)) > 0) {
                    out.write(buf, 0, n);
                    if (n < buf.length) {
                        out.flush();
                    }
                }
                out.close();
             });
             InterceptingProxy proxy = ProxyFixture.proxy().maxCaptureBytes(CAPTURE).listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            HttpResponse<InputStream> r = ProxyFixture.client(at).send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + up.port() + "/download")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
            assertThat(sha256(r.body(), clientHasFirstMegabyte)).isEqualTo(expected);
            Exchange e = rec.only(proxy);
            assertThat(e.responseBody().originalSize()).isEqualTo(SIZE);
            assertThat(e.responseBody().capturedLength()).isEqualTo(CAPTURE);
            assertThat(e.responseBody().truncated()).isTrue();
        }
    }
}
