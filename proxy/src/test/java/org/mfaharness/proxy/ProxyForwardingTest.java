package org.mfaharness.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.support.Curl;
import org.mfaharness.proxy.support.ProxyFixture;
import org.mfaharness.proxy.support.ProxyFixture.Recorder;
import org.mfaharness.proxy.support.TestUpstream;

class ProxyForwardingTest {
    private static TestUpstream http;
    private static TestUpstream https;

    @BeforeAll
    static void upstreams() {
        http = TestUpstream.http(ProxyForwardingTest::route);
        https = TestUpstream.https(ProxyFixture.LAB_CA.serverSslContext("localhost", "127.0.0.1", "login.lab.test"),
                ProxyForwardingTest::route);
    }

    @AfterAll
    static void stop() {
        http.close();
        https.close();
    }

    private static void route(io.undertow.server.HttpServerExchange ex) throws Exception {
        if (ex.getRequestPath().equals("/chunked")) {
            TestUpstream.readAll(ex.getInputStream());
            ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
            ex.getResponseHeaders().put(Headers.TRANSFER_ENCODING, "chunked");
            var out = ex.getOutputStream();
            for (int i = 0; i < 3; i++) {
                out.write(("piece-" + i + ";").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            out.close();
            return;
        }
        TestUpstream.echo(ex);
    }

    @Test
    void jdkClientReachesPlainHttpUpstreamAndTheExchangeIsRecorded() throws Exception {
        Recorder rec = new Recorder();
        try (InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            HttpResponse<String> r = ProxyFixture.client(at).send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + http.port() + "/login?x=1"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=alice&wctx=abc")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("user=alice&wctx=abc");
            assertThat(r.headers().firstValue("X-Echo-Uri")).hasValue("/login?x=1");

            Exchange e = rec.only(proxy);
            assertThat(e.method()).isEqualTo("POST");
            assertThat(e.url()).isEqualTo("http://localhost:" + http.port() + "/login?x=1");
            assertThat(e.httpVersion()).isEqualTo("HTTP/1.1");
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.requestText()).isEqualTo("user=alice&wctx=abc");
            assertThat(e.requestForm()).extracting(f -> f.name() + "=" + f.value())
                    .containsExactly("user=alice", "wctx=abc");
            assertThat(e.responseText()).isEqualTo("user=alice&wctx=abc");
            assertThat(e.clientAddress()).startsWith("127.0.0.1:");
            assertThat(e.serverAddress()).isEqualTo("127.0.0.1:" + http.port());
            assertThat(e.error()).isNull();
            assertThat(e.tls()).isNull();
            assertThat(e.timings().send()).isNotNegative();
            assertThat(e.timings().connect()).isNotNegative();
            assertThat(e.sequence()).isEqualTo(1);
        }
    }

    @Test
    void jdkClientReachesHttpsUpstreamThroughTheInterceptedTunnel() throws Exception {
        Recorder rec = new Recorder();
        try (InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            HttpResponse<String> r = ProxyFixture.client(at).send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + https.port() + "/token")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"a\":1}");
            assertThat(r.sslSession()).isPresent();
            assertThat(r.sslSession().get().getPeerCertificates()[0]).isEqualTo(
                    proxy.certificateAuthority().leafFor("localhost").leaf());

            Exchange e = rec.only(proxy);
            assertThat(e.url()).isEqualTo("https://localhost:" + https.port() + "/token");
            assertThat(e.tls().clientProtocol()).isEqualTo("TLSv1.3");
            assertThat(e.tls().upstreamProtocol()).isEqualTo("TLSv1.3");
            assertThat(e.tls().upstreamPeerSubject()).contains("CN=localhost");
            assertThat(e.timings().ssl()).isPositive();
        }
    }

    @Test
    void curlTrustingTheExportedCaReachesALabNameThroughTheHostMap(@TempDir Path tmp) throws Exception {
        Recorder rec = new Recorder();
        try (InterceptingProxy proxy = ProxyFixture.proxy().caDir(tmp.resolve("ca"))
                .map("login.lab.test=127.0.0.1:" + https.port()).listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            Path caPem = proxy.caCertificateFile().orElseThrow();
            assertThat(caPem).isEqualTo(tmp.resolve("ca/ca.pem"));
            Curl.Result r = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "--cacert", caPem.toString(),
                    "-d", "wa=wsignin1.0&wresult=%3Cr%2F%3E", "https://login.lab.test/adfs/ls/?client-request-id=7");
            assertThat(r.err()).isEmpty();
            assertThat(r.exit()).isZero();
            assertThat(r.out()).isEqualTo("wa=wsignin1.0&wresult=%3Cr%2F%3E");

            Exchange e = rec.only(proxy);
            assertThat(e.url()).isEqualTo("https://login.lab.test/adfs/ls/?client-request-id=7");
            assertThat(e.requestHeader("Host")).hasValue("login.lab.test");
            assertThat(e.tls().sni()).isEqualTo("login.lab.test");
            assertThat(e.tls().upstreamPeerSubject()).contains("CN=localhost");
            assertThat(e.serverAddress()).isEqualTo("127.0.0.1:" + https.port());
            assertThat(e.requestForm()).extracting(f -> f.value()).containsExactly("wsignin1.0", "<r/>");
        }
    }

    @Test
    void curlWithoutTheCaRefusesTheInterceptedCertificate() throws Exception {
        try (InterceptingProxy proxy = ProxyFixture.proxy().build()) {
            InetSocketAddress at = proxy.start();
            Curl.Result r = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "https://localhost:" + https.port() + "/");
            assertThat(r.exit()).isEqualTo(60);
        }
    }

    @Test
    void keepAliveReusesTheClientAndTheUpstreamConnection() throws Exception {
        Recorder rec = new Recorder();
        try (TestUpstream own = TestUpstream.https(ProxyFixture.LAB_CA.serverSslContext("localhost"), TestUpstream::echo);
             InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            HttpClient client = ProxyFixture.client(at);
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + own.port()
                        + "/n/" + i)).POST(HttpRequest.BodyPublishers.ofString("body-" + i)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.body()).isEqualTo("body-" + i);
            }
            List<Exchange> all = rec.all(proxy, 20);
            assertThat(all).hasSize(20);
            Set<String> clientEnds = all.stream().map(Exchange::clientAddress).collect(Collectors.toSet());
            assertThat(clientEnds).hasSize(1);
            assertThat(own.connectionsSeen()).isEqualTo(1);
            assertThat(proxy.upstreamConnectionsOpened()).isEqualTo(1);
            assertThat(all.subList(1, 20)).allSatisfy(e -> assertThat(e.timings().connect()).isEqualTo(-1));
        }
    }

    @Test
    void chunkedRequestAndChunkedResponseBodiesPassThroughAndAreRecordedWhole(@TempDir Path tmp) throws Exception {
        Recorder rec = new Recorder();
        Path body = tmp.resolve("body.txt");
        Files.writeString(body, "x".repeat(100_000));
        try (InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            Curl.Result up = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "-H", "Transfer-Encoding: chunked",
                    "-H", "Content-Type: text/plain", "--data-binary", "@" + body,
                    "http://localhost:" + http.port() + "/echo");
            assertThat(up.exit()).isZero();
            assertThat(up.out()).hasSize(100_000);
            Curl.Result down = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "-D", "-",
                    "http://localhost:" + http.port() + "/chunked");
            assertThat(down.out()).containsIgnoringCase("transfer-encoding: chunked");
            assertThat(down.out()).endsWith("piece-0;piece-1;piece-2;");

            List<Exchange> all = rec.all(proxy, 2);
            assertThat(all.get(0).requestHeader("Transfer-Encoding")).hasValue("chunked");
            assertThat(all.get(0).requestBody().capturedLength()).isEqualTo(100_000);
            assertThat(all.get(0).requestBody().truncated()).isFalse();
            assertThat(all.get(1).responseText()).isEqualTo("piece-0;piece-1;piece-2;");
            assertThat(all.get(1).responseHeader("Transfer-Encoding")).hasValue("chunked");
        }
    }

    @Test
    void gzipResponsesAreRecordedDecoded() throws Exception {
        Recorder rec = new Recorder();
        byte[] plain = "{\"token_type\":\"Bearer\"}".getBytes(StandardCharsets.UTF_8);
        try (TestUpstream gz = TestUpstream.http(ex -> {
                java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
                try (var z = new java.util.zip.GZIPOutputStream(bos)) {
                    z.write(plain);
                }
                ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                ex.getResponseHeaders().put(Headers.CONTENT_ENCODING, "gzip");
                ex.getOutputStream().write(bos.toByteArray());
                ex.getOutputStream().close();
             });
             InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            Curl.Result r = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "--compressed",
                    "http://localhost:" + gz.port() + "/token");
            assertThat(r.out()).isEqualTo(new String(plain, StandardCharsets.UTF_8));
            Exchange e = rec.only(proxy);
            assertThat(e.responseText()).isEqualTo("{\"token_type\":\"Bearer\"}");
            assertThat(e.responseHeader("Content-Encoding")).hasValue("gzip");
        }
    }

    @Test
    void tunnelNegotiatesHttp11EvenWhenTheClientOffersHttp2AndTrustsAnUpstreamCaFile(@TempDir Path tmp)
            throws Exception {
        Path labCa = ProxyFixture.LAB_CA.exportCertificate(tmp.resolve("lab"));
        Recorder rec = new Recorder();
        try (InterceptingProxy proxy = InterceptingProxy.builder().certificateAuthority(ProxyFixture.LAB_CA)
                .upstreamCa(labCa).shutdownHook(false).caDir(tmp.resolve("ca")).listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            Curl.Result r = Curl.run("-v", "--http2", "--proxy", ProxyFixture.proxyUrl(at), "--cacert",
                    tmp.resolve("ca/ca.pem").toString(), "https://localhost:" + https.port() + "/alpn");
            assertThat(r.exit()).isZero();
            assertThat(r.err()).containsPattern("ALPN.*(server accepted|accepted to use) http/1.1");
            assertThat(r.err()).doesNotContain("h2 accepted");
            assertThat(rec.only(proxy).httpVersion()).isEqualTo("HTTP/1.1");
        }
    }

    @Test
    void encodedCharactersInPathAndQueryReachTheUpstreamUnchanged() throws Exception {
        try (InterceptingProxy proxy = ProxyFixture.proxy().build()) {
            InetSocketAddress at = proxy.start();
            Curl.Result r = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "-D", "-", "-o", "/dev/null",
                    "http://localhost:" + http.port() + "/a%2Fb/%C3%A9?redirect_uri=https%3A%2F%2Fapp%2Fcb&x=%2B");
            assertThat(r.out()).contains("X-Echo-Uri: /a%2Fb/%C3%A9?redirect_uri=https%3A%2F%2Fapp%2Fcb&x=%2B");
        }
    }

    @Test
    void headNoContentAndNotModifiedAnswersPassWithoutABody() throws Exception {
        Recorder rec = new Recorder();
        try (TestUpstream up = TestUpstream.http(ex -> {
                switch (ex.getRequestPath()) {
                    case "/head" -> {
                        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                        ex.setResponseContentLength(1234);
                        ex.endExchange();
                    }
                    case "/none" -> {
                        ex.setStatusCode(204);
                        ex.endExchange();
                    }
                    default -> {
                        ex.setStatusCode(304);
                        ex.getResponseHeaders().put(Headers.ETAG, "\"v1\"");
                        ex.endExchange();
                    }
                }
             });
             InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            String base = "http://localhost:" + up.port();
            Curl.Result head = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "-I", base + "/head");
            assertThat(head.out()).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: 1234");
            Curl.Result none = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "-w", "%{http_code}", "-o", "/dev/null",
                    base + "/none");
            assertThat(none.out()).isEqualTo("204");
            Curl.Result same = Curl.run("--proxy", ProxyFixture.proxyUrl(at), "-w", "%{http_code}", "-o", "/dev/null",
                    "-H", "If-None-Match: \"v1\"", base + "/cached");
            assertThat(same.out()).isEqualTo("304");
            assertThat(rec.all(proxy, 3)).extracting(Exchange::status).containsExactly(200, 204, 304);
            assertThat(rec.all(proxy, 3)).allSatisfy(e -> assertThat(e.error()).isNull());
        }
    }
}
