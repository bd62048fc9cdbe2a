package org.mfaharness.proxy.har;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.proxy.InterceptingProxy;
import org.mfaharness.proxy.ca.Pem;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.redact.RedactionPolicy;
import org.mfaharness.proxy.support.ChildJvm;
import org.mfaharness.proxy.support.ProxyFixture;
import org.mfaharness.proxy.support.ProxyFixture.Recorder;
import org.mfaharness.proxy.support.TestUpstream;

class HarRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void harIsValidJsonAfterEveryRequestWhileTheProxyRuns(@TempDir Path tmp) throws Exception {
        Path har = tmp.resolve("capture.har");
        try (TestUpstream up = TestUpstream.http(TestUpstream::echo);
             InterceptingProxy proxy = ProxyFixture.proxy().harFile(har).build()) {
            InetSocketAddress at = proxy.start();
            assertThat(JSON.readTree(har.toFile()).at("/log/entries").size()).isZero();
            HttpClient client = ProxyFixture.client(at);
            for (int i = 1; i <= 5; i++) {
                client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + up.port() + "/r" + i))
                        .POST(HttpRequest.BodyPublishers.ofString("n=" + i)).build(), HttpResponse.BodyHandlers.ofString());
                awaitEntries(har, i);
                JsonNode root = JSON.readTree(har.toFile());
                assertThat(root.at("/log/version").asText()).isEqualTo("1.2");
                assertThat(root.at("/log/creator/name").asText()).isEqualTo("mfa-harness");
                assertThat(root.at("/log/entries").size()).isEqualTo(i);
                assertThat(root.at("/log/entries/" + (i - 1) + "/request/url").asText()).endsWith("/r" + i);
            }
        }
    }

    @Test
    void harFileIsCreatedOwnerOnly(@TempDir Path tmp) throws Exception {
        Path har = tmp.resolve("capture.har");
        Files.writeString(har, "old content");
        Files.setPosixFilePermissions(har, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (InterceptingProxy proxy = ProxyFixture.proxy().harFile(har).build()) {
            proxy.start();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(har))).isEqualTo("rw-------");
        }
        assertThat(HarReader.readAll(har).entries()).isEmpty();
    }

    @Test
    void writtenEntriesReadBackIdenticallyThroughTheReader(@TempDir Path tmp) throws Exception {
        Path har = tmp.resolve("capture.har");
        Recorder rec = new Recorder();
        byte[] binary = new byte[3000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 7);
        }
        try (TestUpstream https = TestUpstream.https(ProxyFixture.LAB_CA.serverSslContext("localhost"), TestUpstream::echo);
             InterceptingProxy proxy = ProxyFixture.proxy().harFile(har).listener(rec).maxCaptureBytes(2000).build()) {
            InetSocketAddress at = proxy.start();
            HttpClient client = ProxyFixture.client(at);
            String base = "https://localhost:" + https.port();
            client.send(HttpRequest.newBuilder(URI.create(base + "/form?q=a%20b")).header("Content-Type",
                    "application/x-www-form-urlencoded; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(
                    "SAMLResponse=PHNhbWw%2B&RelayState=%C3%A9")).build(), HttpResponse.BodyHandlers.ofString());
            client.send(HttpRequest.newBuilder(URI.create(base + "/bin")).header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(binary)).build(), HttpResponse.BodyHandlers.ofByteArray());
            client.send(HttpRequest.newBuilder(URI.create(base + "/get")).build(), HttpResponse.BodyHandlers.ofString());
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/down")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<Exchange> live = rec.all(proxy, 4);
            HarReadResult back = HarReader.readAll(har);
            assertThat(back.problem()).isEmpty();
            assertThat(back.entries()).containsExactlyElementsOf(live);
            assertThat(back.entries().get(1).requestBody().truncated()).isTrue();
            assertThat(back.entries().get(1).requestBody().originalSize()).isEqualTo(3000);
            assertThat(back.entries().get(3).error()).isNotNull();
        }
    }

    @Test
    void harHoldsNoCookiePasswordCodeOrRefreshTokenButKeepsAssertionsAndTokens(@TempDir Path tmp) throws Exception {
        Path har = tmp.resolve("capture.har");
        String token = "{\"token_type\":\"Bearer\",\"access_token\":\"eyJ0eXAi.eyJhbXIi.c2lnbmF0dXJl\","
                + "\"id_token\":\"eyJhbGci.eyJzdWIi.aWRzaWc\",\"refresh_token\":\"0.AXrefreshSecret\"}";
        try (TestUpstream up = TestUpstream.https(ProxyFixture.LAB_CA.serverSslContext("localhost"), ex -> {
                TestUpstream.readAll(ex.getInputStream());
                ex.getResponseHeaders().put(io.undertow.util.Headers.SET_COOKIE, "ESTSAUTH=cookieSecret1; path=/; secure");
                ex.getResponseHeaders().put(io.undertow.util.Headers.LOCATION, "https://app.lab.test/cb?code=0.AXcodeSecret");
                ex.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "application/json");
                byte[] b = token.getBytes(StandardCharsets.UTF_8);
                ex.getOutputStream().write(b);
                ex.getOutputStream().close();
             });
             InterceptingProxy proxy = ProxyFixture.proxy().harFile(har)
                     .redaction(RedactionPolicy.builder().secretValue("LabUserPassw0rd").build()).build()) {
            InetSocketAddress at = proxy.start();
            proxy.redactor().addSecretValue("918273");
            HttpClient client = ProxyFixture.client(at);
            client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + up.port() + "/token?code=0.AXcodeSecret"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "ESTSAUTH=cookieSecret2; buid=cookieSecret3")
                    .header("Authorization", "Basic YWxpY2U6TGFiVXNlclBhc3N3MHJk")
                    .header("X-Typed", "LabUserPassw0rd then 918273")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=0.AXcodeSecret"
                            + "&code_verifier=verifierSecret&client_secret=clientSecret&passwd=LabUserPassw0rd"
                            + "&otc=918273&SAMLResponse=PHNhbWxwOlJlc3BvbnNl&wresult=%3Ct%3ARSTR%3E")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(proxy.flush(Duration.ofSeconds(5))).isTrue();
            awaitEntries(har, 1);
        }
        String text = Files.readString(har);
        assertThat(text).doesNotContain("cookieSecret", "0.AXcodeSecret", "verifierSecret", "clientSecret",
                "LabUserPassw0rd", "918273", "0.AXrefreshSecret", "YWxpY2U6TGFiVXNlclBhc3N3MHJk");
        assertThat(text).contains("PHNhbWxwOlJlc3BvbnNl", "%3Ct%3ARSTR%3E", "eyJ0eXAi.eyJhbXIi.c2lnbmF0dXJl",
                "eyJhbGci.eyJzdWIi.aWRzaWc", "ESTSAUTH=REDACTED", "Basic REDACTED");
    }

    @Test
    void inShareModeOnlyTheHarIsStrippedListenersJudgeWhatWasSignedWithSecretsRemoved(@TempDir Path tmp) throws Exception {
        Path har = tmp.resolve("share.har");
        Recorder rec = new Recorder();
        RedactionPolicy share = RedactionPolicy.builder().mode(org.mfaharness.proxy.redact.RedactionMode.SHARE)
                .secretValue("LabUserPassw0rd")
                .shareFieldScrubber((where, name, value) -> name.equals("SAMLResponse") ? "SIGNATURE-STRIPPED" : value).build();
        try (TestUpstream up = TestUpstream.http(TestUpstream::echo);
             InterceptingProxy proxy = ProxyFixture.proxy().harFile(har).listener(rec).redaction(share).build()) {
            InetSocketAddress at = proxy.start();
            proxy.redactor().addSecretValue("918273");
            ProxyFixture.client(at).send(HttpRequest.newBuilder(URI.create("http://localhost:" + up.port() + "/login.srf"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("SAMLResponse=PHNpZ25lZD4&passwd=LabUserPassw0rd&otc=918273"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Exchange live = rec.only(proxy);
            assertThat(live.requestText()).contains("SAMLResponse=PHNpZ25lZD4").doesNotContain("LabUserPassw0rd", "918273");
            awaitEntries(har, 1);
        }
        String text = Files.readString(har);
        assertThat(text).contains("SIGNATURE-STRIPPED").doesNotContain("PHNpZ25lZD4", "LabUserPassw0rd", "918273");
    }

    @Test
    void sigkillLeavesAReadableHarWithEveryCompletedExchange(@TempDir Path tmp) throws Exception {
        Path har = tmp.resolve("killed.har");
        try (ChildJvm child = new ChildJvm(List.of("-Xmx256m"), HarProxyMain.class, har.toString(),
                tmp.resolve("ca").toString())) {
            String[] ready = child.awaitLine("READY", 30).split(" ");
            int proxyPort = Integer.parseInt(ready[1]);
            int upstreamPort = Integer.parseInt(ready[2]);
            HttpClient client = childClient(tmp, proxyPort);
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + upstreamPort
                        + "/n" + i)).POST(HttpRequest.BodyPublishers.ofString("body " + i)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.body()).isEqualTo("body " + i);
            }
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + upstreamPort + "/slow")).build(), HttpResponse.BodyHandlers.ofString());
            awaitEntries(har, 10);
            Thread.sleep(200);
            child.process().destroyForcibly(); // SIGKILL: no hook runs
            assertThat(child.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(child.process().exitValue()).isEqualTo(137);
            assertThat(inFlight).failsWithin(Duration.ofSeconds(10));
        }
        HarReadResult r = HarReader.readAll(har);
        assertThat(r.problem()).isEmpty();
        assertThat(r.truncated()).isFalse();
        assertThat(r.entries()).extracting(Exchange::requestText)
                .containsExactly("body 0", "body 1", "body 2", "body 3", "body 4", "body 5", "body 6", "body 7",
                        "body 8", "body 9");
        JSON.readTree(har.toFile());
    }

    @Test
    void sigtermCompletesTheHarThroughTheShutdownHook(@TempDir Path tmp) throws Exception {
        Path har = tmp.resolve("terminated.har");
        try (ChildJvm child = new ChildJvm(List.of("-Xmx256m"), HarProxyMain.class, har.toString(),
                tmp.resolve("ca").toString())) {
            String[] ready = child.awaitLine("READY", 30).split(" ");
            HttpClient client = childClient(tmp, Integer.parseInt(ready[1]));
            for (int i = 0; i < 50; i++) {
                client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + ready[2] + "/t" + i))
                        .POST(HttpRequest.BodyPublishers.ofString("t" + i)).build(), HttpResponse.BodyHandlers.ofString());
            }
            child.process().destroy(); // SIGTERM
            assertThat(child.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        HarReadResult r = HarReader.readAll(har);
        assertThat(r.problem()).isEmpty();
        assertThat(r.entries()).hasSize(50);
    }

    private static HttpClient childClient(Path tmp, int proxyPort) throws Exception {
        var ca = Pem.readCertificates(tmp.resolve("ca/ca.pem"));
        var tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(Pem.trustStore(ca));
        var ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxyPort)))
                .sslContext(ctx).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Polls the file (parsing it whole each time) until it holds {@code n} entries. */
    static void awaitEntries(Path har, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            seen = JSON.readTree(har.toFile()).at("/log/entries").size();
            if (seen >= n) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("HAR holds " + seen + " entries, expected " + n);
    }
}
