package org.mfaharness.proxy.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.redact.RedactionPolicy;
import org.mfaharness.proxy.redact.Redactor;
import org.mfaharness.proxy.support.ChildJvm;

class HarReaderTest {

    private static Path fixture(Path tmp, String name) throws IOException {
        try (InputStream in = HarReaderTest.class.getResourceAsStream("/har/" + name)) {
            Path p = tmp.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    @Test
    void chromeExportIsReadWithItsQuirks(@TempDir Path tmp) throws Exception {
        HarReadResult r = HarReader.readAll(fixture(tmp, "chrome-signin.har"));
        assertThat(r.problem()).isEmpty();
        assertThat(r.truncated()).isFalse();
        assertThat(r.entries()).hasSize(3);

        Exchange login = r.entries().get(0);
        assertThat(login.sequence()).isEqualTo(1);
        assertThat(login.started()).isEqualTo(Instant.parse("2026-11-30T14:02:11.515Z"));
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.httpVersion()).isEqualTo("http/2.0");
        assertThat(login.requestHeader(":authority")).hasValue("login.lab.test");
        assertThat(login.requestForm()).extracting(f -> f.name()).containsExactly("login", "passwd", "ctx", "flowToken");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.responseHeader("location")).get().asString().startsWith("https://adfs.lab.test/");
        assertThat(login.responseBody().isEmpty()).isTrue();
        assertThat(login.timings().dns()).isEqualTo(-1);
        assertThat(login.timings().waiting()).isEqualTo(45.98299999957159);
        assertThat(login.clientAddress()).isNull();
        assertThat(login.serverAddress()).isEqualTo("::1");

        Exchange wsfed = r.entries().get(1);
        assertThat(wsfed.requestForm()).extracting(f -> f.value())
                .containsExactly("wsignin1.0", "<t:RequestSecurityTokenResponse></t:RequestSecurityTokenResponse>");
        assertThat(wsfed.responseText()).isEqualTo("<html><body>Signed in é</body></html>");

        Exchange png = r.entries().get(2);
        assertThat(png.responseBody().bytes()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.url()).isEqualTo("https://login.lab.test/favicon.png?v=2&x=%20y");
    }

    @Test
    void firefoxExportIsReadWithLocalOffsetsMissingTextAndParamsOnlyBodies(@TempDir Path tmp) throws Exception {
        HarReadResult r = HarReader.readAll(fixture(tmp, "firefox-token.har"));
        assertThat(r.problem()).isEmpty();
        assertThat(r.entries()).hasSize(3);

        Exchange callback = r.entries().get(0);
        assertThat(callback.started()).isEqualTo(Instant.parse("2026-11-30T14:20:01.104Z"));
        assertThat(callback.responseBody().truncated()).isTrue();
        assertThat(callback.responseBody().capturedLength()).isZero();
        assertThat(callback.responseBody().originalSize()).isEqualTo(5120);

        Exchange token = r.entries().get(1);
        assertThat(token.requestForm()).extracting(f -> f.name())
                .containsExactly("client_id", "grant_type", "code", "redirect_uri");
        assertThat(token.responseText()).contains("\"id_token\":\"eyJhbGciOiJSUzI1NiJ9.eyJhbXIiOlsibWZhIl19.c2ln\"");
        assertThat(token.timings().blocked()).isEqualTo(-1);

        Exchange saml = r.entries().get(2);
        assertThat(saml.requestText()).isEqualTo("SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D&RelayState=a+b");
        assertThat(saml.status()).isZero();
    }

    @Test
    void aBodyTypedOnlyByItsHarMimeTypeIsRedactedAsWhatItIs(@TempDir Path tmp) throws Exception {
        // Valid HAR 1.2: the form's type is in postData.mimeType and the token answer's in content.mimeType, with no
        // Content-Type header on either side.
        Path har = tmp.resolve("no-content-type.har");
        Files.writeString(har, """
                {"log": {"version": "1.2", "creator": {"name": "hand", "version": "1"}, "entries": [{
                  "startedDateTime": "2026-12-01T10:00:00Z", "time": 1,
                  "request": {"method": "POST", "url": "https://login.lab.test/organizations/oauth2/v2.0/token",
                    "httpVersion": "HTTP/1.1", "headers": [], "cookies": [], "queryString": [], "headersSize": -1,
                    "bodySize": 72, "postData": {"mimeType": "application/x-www-form-urlencoded",
                    "text": "grant_type=authorization_code&code=AUTHCODE123&client_secret=CLIENTSECRET456"}},
                  "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "headers": [],
                    "cookies": [], "content": {"size": 40, "mimeType": "application/json",
                    "text": "{\\"refresh_token\\":\\"REFRESHTOKEN789\\"}"}, "redirectURL": "", "headersSize": -1,
                    "bodySize": 40},
                  "cache": {}, "timings": {"send": 0, "wait": 1, "receive": 0}}]}}
                """);
        HarReadResult read = HarReader.readAll(har);
        assertThat(read.problem()).isEmpty();
        Exchange e = read.entries().get(0);
        assertThat(e.requestHeader("Content-Type")).hasValue("application/x-www-form-urlencoded");
        assertThat(e.responseHeader("Content-Type")).hasValue("application/json");

        Exchange r = new Redactor(RedactionPolicy.defaults()).apply(e);

        String text = new String(r.requestBody().bytes(), StandardCharsets.UTF_8) + new String(r.responseBody().bytes(),
                StandardCharsets.UTF_8);
        assertThat(text).contains("grant_type=authorization_code").doesNotContain("AUTHCODE123")
                .doesNotContain("CLIENTSECRET456").doesNotContain("REFRESHTOKEN789");
    }

    @Test
    void truncatedHarYieldsItsCompleteEntriesThenReportsTheTruncation(@TempDir Path tmp) throws Exception {
        byte[] whole = Files.readAllBytes(fixture(tmp, "chrome-signin.har"));
        String text = new String(whole, StandardCharsets.UTF_8);
        int cut = text.indexOf("\"url\": \"https://login.lab.test/favicon.png");
        Path truncated = tmp.resolve("cut.har");
        Files.writeString(truncated, text.substring(0, cut));
        try (HarReader r = HarReader.open(truncated)) {
            assertThat(r.next().url()).isEqualTo("https://login.lab.test/common/login");
            assertThat(r.next().url()).isEqualTo("https://login.lab.test/login.srf");
            assertThat(r.hasNext()).isFalse();
            assertThat(r.truncated()).isTrue();
            assertThat(r.problem()).hasValueSatisfying(p ->
                    assertThat(p).startsWith("HAR file ends in the middle (truncated) after 2 complete entries"));
        }
    }

    @Test
    void malformedInputsAreReportedNotThrown(@TempDir Path tmp) throws Exception {
        assertThat(read(tmp, "")).isEqualTo("0 HAR file is empty");
        assertThat(read(tmp, "hello")).startsWith("0 HAR file is not valid JSON after 0 complete entries");
        assertThat(read(tmp, "[1,2]")).isEqualTo("0 not a HAR file: the document is not a JSON object");
        assertThat(read(tmp, "{\"a\":1}")).isEqualTo("0 not a HAR file: no \"log\" object");
        assertThat(read(tmp, "{\"log\":{\"version\":\"1.2\"}}")).isEqualTo("0 not a HAR file: no \"log.entries\" array");
        assertThat(read(tmp, "{\"log\":{\"entries\":[]}}")).isEqualTo("0 none");
        assertThat(read(tmp, "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\",\"url\":\"http://a/\"}},"
                + "{\"request\":{}}, 7]}}")).isEqualTo("1 none");
        assertThat(read(tmp, "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\",\"url\":\"http://a/\"}} }"))
                .startsWith("1 HAR file is not valid JSON after 1 complete entries");
        assertThat(read(tmp, "{\"log\":{\"entries\":[" + "[".repeat(2000))).startsWith("0 HAR file is not valid JSON");
    }

    @Test
    void skippedEntriesAreListedWithTheirReason(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("s.har");
        Files.writeString(p, "{\"log\":{\"entries\":[{\"request\":{}}, 7]}}");
        HarReadResult r = HarReader.readAll(p);
        assertThat(r.skipped()).containsExactly("entry 0: entry has no request.method or request.url",
                "entry 1: not an object");
    }

    @Test
    void bodyLongerThanJacksonsDefaultStringLimitIsRead(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("long.har");
        int size = 25_000_000;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p))) {
            out.write(("{\"log\":{\"version\":\"1.2\",\"entries\":[{\"startedDateTime\":\"2026-11-30T14:02:11Z\","
                    + "\"request\":{\"method\":\"GET\",\"url\":\"https://a.lab.test/big\"},\"response\":{\"status\":200,"
                    + "\"headers\":[{\"name\":\"Content-Type\",\"value\":\"text/plain\"}],\"content\":{\"size\":" + size
                    + ",\"mimeType\":\"text/plain\",\"text\":\"").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < size / chunk.length; i++) {
                out.write(chunk);
            }
            out.write("\"}}}]}}".getBytes(StandardCharsets.US_ASCII));
        }
        HarReadResult r = HarReader.readAll(p);
        assertThat(r.problem()).isEmpty();
        assertThat(r.entries().get(0).responseBody().capturedLength()).isEqualTo(size);
    }

    @Test
    void a300MegabyteHarIsStreamedThroughASixtyFourMegabyteHeap(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("big.har");
        int entries = 1200;
        String body = "QUJD".repeat(62_500); // 250,000 base64 chars
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 20)) {
            out.write("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"gen\",\"version\":\"1\"},\"entries\":[\n"
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < entries; i++) {
                out.write(((i == 0 ? "" : ",\n") + "{\"startedDateTime\":\"2026-11-30T14:02:11.000Z\",\"_resourceType\":\"xhr\","
                        + "\"request\":{\"method\":\"GET\",\"url\":\"https://a.lab.test/" + i + "\",\"headers\":[]},"
                        + "\"response\":{\"status\":200,\"headers\":[],\"content\":{\"size\":187500,\"mimeType\":"
                        + "\"application/octet-stream\",\"encoding\":\"base64\",\"text\":\"").getBytes(StandardCharsets.US_ASCII));
                out.write(body.getBytes(StandardCharsets.US_ASCII));
                out.write("\"}},\"timings\":{\"send\":0,\"wait\":1,\"receive\":2}}".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("\n]}}\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(Files.size(p)).isGreaterThan(300_000_000L);
        try (ChildJvm child = new ChildJvm(List.of("-Xmx64m", "-XX:+UseSerialGC"), HarCountMain.class, p.toString())) {
            String line = child.awaitLine("COUNT", 90);
            assertThat(line).startsWith("COUNT 1200 BYTES " + (1200L * 187_500) + " MAXHEAP ").endsWith("PROBLEM none");
            assertThat(child.waitFor(10)).isZero();
        }
    }

    private static String read(Path tmp, String content) throws IOException {
        Path p = Files.createTempFile(tmp, "m", ".har");
        Files.writeString(p, content);
        HarReadResult r = HarReader.readAll(p);
        return r.entries().size() + " " + r.problem().orElse("none");
    }
}
