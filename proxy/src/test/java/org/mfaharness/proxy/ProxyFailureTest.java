package org.mfaharness.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mfaharness.proxy.ca.CaOptions;
import org.mfaharness.proxy.ca.CertificateAuthority;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.exchange.ExchangeError.Kind;
import org.mfaharness.proxy.support.Curl;
import org.mfaharness.proxy.support.ProxyFixture;
import org.mfaharness.proxy.support.ProxyFixture.Recorder;
import org.mfaharness.proxy.support.RawUpstream;
import org.mfaharness.proxy.support.TestUpstream;

class ProxyFailureTest {

    @Test
    void upstreamDownIsA502WithARecordedConnectFailure() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        Recorder rec = new Recorder();
        try (InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            HttpResponse<String> r = ProxyFixture.client(at).send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + deadPort + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(r.body()).startsWith("mfa-harness proxy: connect to 127.0.0.1:" + deadPort + " failed");
            Exchange e = rec.only(proxy);
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.error().kind()).isEqualTo(Kind.CONNECT_FAILED);
            assertThat(e.responseText()).isEqualTo(r.body());
        }
    }

    @Test
    void untrustedUpstreamCertificateIsA502TlsFailure() throws Exception {
        CertificateAuthority stranger = CertificateAuthority.generate(CaOptions.forRun());
        Recorder rec = new Recorder();
        try (TestUpstream bad = TestUpstream.https(stranger.serverSslContext("localhost"), TestUpstream::echo);
             InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            HttpResponse<String> r = ProxyFixture.client(at).send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + bad.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(502);
            Exchange e = rec.only(proxy);
            assertThat(e.error().kind()).isEqualTo(Kind.TLS_FAILURE);
            assertThat(e.error().message()).startsWith("TLS handshake with localhost:" + bad.port() + " failed");
        }
    }

    @Test
    void upstreamCertificateForAnotherNameIsA502TlsFailure() throws Exception {
        Recorder rec = new Recorder();
        try (TestUpstream other = TestUpstream.https(ProxyFixture.LAB_CA.serverSslContext("other.lab.test"), TestUpstream::echo);
             InterceptingProxy proxy = ProxyFixture.proxy().map("login.lab.test=127.0.0.1:" + other.port())
                     .listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            HttpResponse<String> r = ProxyFixture.client(at).send(HttpRequest.newBuilder(
                    URI.create("https://login.lab.test/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(rec.only(proxy).error().kind()).isEqualTo(Kind.TLS_FAILURE);
        }
    }

    @Test
    void slowUpstreamIsA504AfterTheReadTimeout() throws Exception {
        Recorder rec = new Recorder();
        try (RawUpstream slow = new RawUpstream(s -> {
                RawUpstream.readHead(s.getInputStream());
                Thread.sleep(10_000);
             });
             InterceptingProxy proxy = ProxyFixture.proxy().readTimeout(Duration.ofMillis(300)).listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            long t0 = System.nanoTime();
            HttpResponse<String> r = ProxyFixture.client(at).send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + slow.port() + "/slow")).build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(504);
            assertThat(ms).isLessThan(5_000);
            Exchange e = rec.only(proxy);
            assertThat(e.error().kind()).isEqualTo(Kind.READ_TIMEOUT);
            assertThat(e.status()).isEqualTo(504);
        }
    }

    @Test
    void upstreamResetBeforeAnsweringIsA502() throws Exception {
        Recorder rec = new Recorder();
        try (RawUpstream rst = new RawUpstream(s -> {
                RawUpstream.readHead(s.getInputStream());
                RawUpstream.reset(s);
             });
             InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            HttpResponse<String> r = ProxyFixture.client(at).send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + rst.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(rec.only(proxy).error().kind()).isEqualTo(Kind.UPSTREAM_RESET);
        }
    }

    @Test
    void upstreamResetInTheMiddleOfTheResponseBodyCutsTheClientAndIsRecorded() throws Exception {
        Recorder rec = new Recorder();
        try (RawUpstream rst = new RawUpstream(s -> {
                RawUpstream.readHead(s.getInputStream());
                RawUpstream.write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"
                        + "a".repeat(1000));
                Thread.sleep(100);
                RawUpstream.reset(s);
             });
             InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            Curl.Result r = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "http://127.0.0.1:" + rst.port() + "/big");
            assertThat(r.exit()).isEqualTo(18); // partial file: the client saw the cut
            Exchange e = rec.only(proxy);
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.error().kind()).isEqualTo(Kind.UPSTREAM_RESET);
            assertThat(e.responseBody().capturedLength()).isEqualTo(1000);
        }
    }

    @Test
    void upstreamResetWhileTheRequestBodyIsSentIsA502() throws Exception {
        Recorder rec = new Recorder();
        try (RawUpstream rst = new RawUpstream(s -> {
                InputStream in = s.getInputStream();
                RawUpstream.readHead(in);
                in.readNBytes(10_000);
                RawUpstream.reset(s);
             });
             InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            HttpResponse<String> r = ProxyFixture.client(at).send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + rst.port() + "/upload"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[5_000_000])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(rec.only(proxy).error().kind()).isEqualTo(Kind.UPSTREAM_RESET);
        }
    }

    @Test
    void upstreamAnsweringGarbageIsA502ProtocolError() throws Exception {
        Recorder rec = new Recorder();
        try (RawUpstream junk = new RawUpstream(s -> {
                RawUpstream.readHead(s.getInputStream());
                RawUpstream.write(s, "SSH-2.0-OpenSSH_9.2\r\n");
             });
             InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            HttpResponse<String> r = ProxyFixture.client(at).send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + junk.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(rec.only(proxy).error().kind()).isEqualTo(Kind.UPSTREAM_PROTOCOL_ERROR);
        }
    }

    @Test
    void clientDisconnectInTheMiddleOfTheRequestIsRecordedAndTheProxyKeepsServing() throws Exception {
        Recorder rec = new Recorder();
        try (TestUpstream echo = TestUpstream.http(TestUpstream::echo);
             InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), at.getPort())) {
                OutputStream out = s.getOutputStream();
                out.write(("POST http://localhost:" + echo.port() + "/upload HTTP/1.1\r\nHost: localhost:" + echo.port()
                        + "\r\nContent-Length: 1000000\r\n\r\n" + "z".repeat(100_000)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(200);
            }
            List<Exchange> first = rec.await(1);
            assertThat(first).hasSize(1);
            assertThat(first.get(0).error().kind()).isEqualTo(Kind.CLIENT_ABORTED);
            assertThat(first.get(0).requestBody().capturedLength()).isEqualTo(100_000);

            HttpResponse<String> r = ProxyFixture.client(at).send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + echo.port() + "/after")).POST(HttpRequest.BodyPublishers.ofString("ok"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("ok");
        }
    }

    @Test
    void refusedNonLoopbackUpstreamIsARecorded502AndNoDnsLookupIsMade() throws Exception {
        List<String> lookups = new CopyOnWriteArrayList<>();
        Recorder rec = new Recorder();
        try (InterceptingProxy proxy = ProxyFixture.proxy().listener(rec)
                .resolver(h -> {
                    lookups.add(h);
                    throw new java.net.UnknownHostException(h);
                }).build()) {
            InetSocketAddress at = proxy.start();
            java.nio.file.Path caDir = java.nio.file.Files.createTempDirectory("ca");
            java.nio.file.Path ca = proxy.certificateAuthority().exportCertificate(caDir);
            Curl.Result plain = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "-w", "%{http_code}", "-o", "/dev/null",
                    "http://login.microsoftonline.com/common/oauth2/authorize?client_id=x");
            assertThat(plain.out()).isEqualTo("502");
            Curl.Result tls = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "--cacert", ca.toString(), "-w",
                    "%{http_code}", "-o", "/dev/null", "https://login.microsoftonline.com/common/oauth2/token");
            assertThat(tls.out()).isEqualTo("502");
            Curl.Result ip = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "-w", "%{http_code}", "-o", "/dev/null",
                    "http://192.0.2.1/");
            assertThat(ip.out()).isEqualTo("502");

            List<Exchange> all = rec.all(proxy, 3);
            assertThat(all).extracting(Exchange::url).containsExactlyInAnyOrder(
                    "http://login.microsoftonline.com/common/oauth2/authorize?client_id=x",
                    "https://login.microsoftonline.com/common/oauth2/token", "http://192.0.2.1/");
            assertThat(all).allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(502);
                assertThat(e.error().kind()).isEqualTo(Kind.POLICY_REFUSED);
            });
            assertThat(lookups).isEmpty();
        }
    }

    @Test
    void allowedNameIsResolvedThroughTheResolverOnly() throws Exception {
        List<String> lookups = new CopyOnWriteArrayList<>();
        Recorder rec = new Recorder();
        try (TestUpstream echo = TestUpstream.http(TestUpstream::echo);
             InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).allow("*.partner.example")
                     .resolver(h -> {
                         lookups.add(h);
                         return new InetAddress[] {InetAddress.getLoopbackAddress()};
                     }).build()) {
            InetSocketAddress at = proxy.start();
            Curl.Result r = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "-d", "hi",
                    "http://idp.partner.example:" + echo.port() + "/x");
            assertThat(r.out()).isEqualTo("hi");
            assertThat(lookups).containsExactly("idp.partner.example");
            assertThat(rec.only(proxy).timings().dns()).isNotNegative();
        }
    }

    @Test
    void garbageRequestLineIsAnsweredOrClosedWithoutHanging() throws Exception {
        try (InterceptingProxy proxy = ProxyFixture.proxy().build()) {
            InetSocketAddress at = proxy.start();
            String answer = rawExchange(at, "\u0001\u0002GARBAGE \u00ff\r\n\r\n");
            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).startsWith("HTTP/1.1 400"), a -> assertThat(a).isEmpty());
        }
    }

    @Test
    void badConnectTargetIsA400() throws Exception {
        Recorder rec = new Recorder();
        try (InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            assertThat(rawExchange(at, "CONNECT no-port-here HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400");
            assertThat(rawExchange(at, "CONNECT bad host:99999 HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400");
            assertThat(rawExchange(at, "CONNECT localhost:0 HTTP/1.1\r\nHost: localhost:0\r\n\r\n"))
                    .startsWith("HTTP/1.1 400");
            // Undertow's request parser answers these itself, before any handler: nothing to record.
            assertThat(rec.await(0)).isEmpty();
        }
    }

    @Test
    void plainBytesInsideATunnelCloseTheConnectionPromptly() throws Exception {
        try (InterceptingProxy proxy = ProxyFixture.proxy().build()) {
            InetSocketAddress at = proxy.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), at.getPort())) {
                s.setSoTimeout(5_000);
                s.getOutputStream().write("CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String head = new String(readUntilBlankLine(s.getInputStream()), StandardCharsets.US_ASCII);
                assertThat(head).startsWith("HTTP/1.1 200");
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(readToEnd(s.getInputStream())).isLessThan(200);
            }
        }
    }

    @Test
    void originFormRequestToTheProxyIsA400ThatExplainsItIsAProxy() throws Exception {
        try (InterceptingProxy proxy = ProxyFixture.proxy().build()) {
            InetSocketAddress at = proxy.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), at.getPort())) {
                s.setSoTimeout(5_000);
                s.getOutputStream().write("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 400").contains("this is a forward proxy");
            }
        }
    }

    @Test
    void nonLoopbackBindNeedsAllowRemote() {
        assertThatThrownBy(() -> InterceptingProxy.builder().bindAddress("0.0.0.0").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("binding to non-loopback address 0.0.0.0 requires --allow-remote");
        assertThatThrownBy(() -> InterceptingProxy.builder().bindAddress("proxy.example").build())
                .hasMessage("bind address must be an IP literal or localhost: proxy.example");
    }

    private static String rawExchange(InetSocketAddress at, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), at.getPort())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(readUntilBlankLine(s.getInputStream()), StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] readUntilBlankLine(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int c;
        try {
            while ((c = in.read()) >= 0) {
                out.write(c);
                String s = out.toString(StandardCharsets.ISO_8859_1);
                if (s.endsWith("\r\n\r\n")) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            // reset by peer: what was read is the answer
        }
        return out.toByteArray();
    }

    private static int readToEnd(InputStream in) throws IOException {
        int n = 0;
        try {
            while (in.read() >= 0) {
                n++;
            }
        } catch (java.net.SocketException e) {
            // reset: closed
        }
        return n;
    }
}
