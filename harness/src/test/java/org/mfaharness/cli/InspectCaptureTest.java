package org.mfaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.testing.Tokens;
import org.mfaharness.testing.WsFedBuilder;

/**
 * What a support engineer does with a browser export: a HAR shaped like Chrome's DevTools export (HTTP/2 pseudo
 * headers, _resourceType, -1 timings, cookies and a typed password in it) is judged hop by hop; {@code --out} writes a
 * run folder whose HAR copy is redacted; and the evidence.zip is re-judged offline with the trust it recorded.
 */
class InspectCaptureTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Hunter2!Secret";
    static final String REFRESH = "0.AXwA-refresh-token-secret";
    @TempDir
    Path dir;
    Path har;
    Path pem;
    Path jwks;

    ObjectNode entry(ArrayNode entries, String method, String url, String formBody, String responseType, String responseText) {
        ObjectNode e = entries.addObject();
        e.put("_resourceType", formBody == null ? "document" : "fetch");
        e.put("_priority", "VeryHigh");
        e.putObject("cache");
        e.put("pageref", "page_1");
        e.put("startedDateTime", Instant.now().toString());
        e.put("time", 42.5);
        ObjectNode req = e.putObject("request");
        req.put("method", method);
        req.put("url", url);
        req.put("httpVersion", "http/2.0");
        ArrayNode h = req.putArray("headers");
        h.addObject().put("name", ":authority").put("value", java.net.URI.create(url).getHost());
        h.addObject().put("name", "cookie").put("value", "ESTSAUTH=cookie-secret-value; buid=0.abc");
        req.putArray("cookies").addObject().put("name", "ESTSAUTH").put("value", "cookie-secret-value");
        req.putArray("queryString");
        req.put("headersSize", -1);
        req.put("bodySize", formBody == null ? 0 : formBody.length());
        if (formBody != null) {
            h.addObject().put("name", "content-type").put("value", "application/x-www-form-urlencoded");
            req.putObject("postData").put("mimeType", "application/x-www-form-urlencoded").put("text", formBody);
        }
        ObjectNode resp = e.putObject("response");
        resp.put("status", 200).put("statusText", "").put("httpVersion", "http/2.0");
        resp.putArray("headers").addObject().put("name", "content-type").put("value", responseType);
        resp.putArray("cookies");
        resp.putObject("content").put("size", responseText.length()).put("mimeType", responseType).put("text", responseText);
        resp.put("redirectURL", "").put("headersSize", -1).put("bodySize", -1).put("_transferSize", 1000);
        e.put("serverIPAddress", "20.190.160.1");
        e.putObject("timings").put("blocked", 1.2).put("dns", -1).put("ssl", -1).put("connect", -1).put("send", 0.1)
                .put("wait", 30.0).put("receive", 0.4);
        return e;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @BeforeEach
    void writeChromeExport() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode log = root.putObject("log");
        log.put("version", "1.2");
        log.putObject("creator").put("name", "WebInspector").put("version", "537.36");
        log.putArray("pages").addObject().put("id", "page_1").put("title", "Sign in").put("startedDateTime", Instant.now().toString());
        ArrayNode entries = log.putArray("entries");
        entry(entries, "GET", "https://adfs.fabrikam.test/adfs/ls/?wa=wsignin1.0&wtrealm=urn%3afederation%3aMicrosoftOnline&wctx=ctx"
                + "&wauth=" + enc("http://schemas.microsoft.com/claims/multipleauthn"), null, "text/html", "<html>sign in</html>");
        entry(entries, "POST", "https://adfs.fabrikam.test/adfs/ls/", "UserName=alice%40fabrikam.test&Password=" + enc(PASSWORD)
                + "&AuthMethod=FormsAuthentication", "text/html", "<html>second factor</html>");
        entry(entries, "POST", "https://adfs.fabrikam.test/adfs/ls/", "AuthMethod=DuoAdfsAdapter&Context=abc&passcode=123456",
                "text/html", "<html><form method=post action=https://login.microsoftonline.com/login.srf>…</form></html>");
        entry(entries, "POST", "https://login.microsoftonline.com/login.srf", "wa=wsignin1.0&wresult="
                + enc(WsFedBuilder.rstr().authenticationMethod(WsFedBuilder.MULTIPLEAUTHN).build()) + "&wctx=ctx", "text/html", "<html/>");
        entry(entries, "POST", "https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
                "grant_type=authorization_code&code=auth-code-secret&code_verifier=verifier-secret&client_id=04b07795-8ddb-461a-bbee-02f9e1bf7b46",
                "application/json", "{\"token_type\":\"Bearer\",\"access_token\":\"" + Tokens.entra(Tokens.partnerCenterAccessToken(List.of("fed", "mfa")))
                        + "\",\"refresh_token\":\"" + REFRESH + "\"}");
        har = dir.resolve("chrome-export.har");
        Files.writeString(har, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        pem = dir.resolve("idp.pem");
        Files.writeString(pem, TestKeys.IDP.certificatePem());
        jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, Tokens.entraJwks());
    }

    @Test
    void aChromeExportIsJudgedHopByHopWithAttribution() throws Exception {
        CliHarness.Run r = CliHarness.run("inspect", "--trust-cert", pem.toString(), "--jwks", jwks.toString(), "--format", "json", har.toString());
        JsonNode d = JSON.readTree(r.out());
        assertThat(d.get("verdict").asText()).as(r.out()).isEqualTo("PASS");
        assertThat(d.get("mfaBy").asText()).isEqualTo("federated-idp");
        assertThat(d.get("artifacts").get(0).get("kind").asText()).isEqualTo("wsfed-rstr");
        assertThat(d.get("artifacts").get(0).get("hop").asInt()).isEqualTo(4);
        assertThat(r.out()).contains("WSF_REQUEST_PARAMS").doesNotContain("NOT_CHECKED (WSF_STEPUP_IGNORED)");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void theRunFolderKeepsARedactedCopyAndItsBundleIsRejudgedOffline() throws Exception {
        Path reports = dir.resolve("reports");
        CliHarness.Run r = CliHarness.run("inspect", "--trust-cert", pem.toString(), "--jwks", jwks.toString(), "--out",
                reports.toString(), har.toString());
        assertThat(r.exitCode()).isZero();
        Path run;
        try (Stream<Path> s = Files.list(reports)) {
            run = s.filter(p -> p.getFileName().toString().endsWith("chrome-export.har")).findFirst().orElseThrow();
        }
        for (String f : List.of("capture.har", "result.json", "index.html", "junit.xml")) {
            String text = Files.readString(run.resolve(f));
            assertThat(text).as(f).doesNotContain(PASSWORD).doesNotContain(REFRESH).doesNotContain("cookie-secret-value")
                    .doesNotContain("auth-code-secret").doesNotContain("verifier-secret").doesNotContain("passcode=123456");
        }
        assertThat(Files.readString(run.resolve("capture.har"))).contains("wresult");
        CliHarness.Run again = CliHarness.run("inspect", "--format", "json", run.resolve("evidence.zip").toString());
        JsonNode d = JSON.readTree(again.out());
        assertThat(d.get("verdict").asText()).as(again.out() + again.err()).isEqualTo("PASS");
        assertThat(d.get("mfaBy").asText()).isEqualTo("federated-idp");

        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(run.resolve("evidence.zip"))));
            CliHarness.Run piped = CliHarness.run("inspect", "--format", "json", "-");
            assertThat(JSON.readTree(piped.out()).get("verdict").asText()).as("the bundle on standard input").isEqualTo("PASS");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void anExportThatTypesBodiesOnlyByMimeTypeIsJudgedAndRedactedTheSame() throws Exception {
        // HAR 1.2 allows the body type to live only in postData.mimeType / content.mimeType.
        ObjectNode root = (ObjectNode) JSON.readTree(har.toFile());
        for (JsonNode e : root.get("log").get("entries")) {
            for (String side : List.of("request", "response")) {
                ArrayNode headers = (ArrayNode) e.get(side).get("headers");
                for (int i = headers.size() - 1; i >= 0; i--) {
                    if (headers.get(i).get("name").asText().equalsIgnoreCase("content-type")) {
                        headers.remove(i);
                    }
                }
            }
        }
        Path bare = dir.resolve("bare-export.har");
        Files.writeString(bare, JSON.writeValueAsString(root));
        Path reports = dir.resolve("bare-reports");

        CliHarness.Run r = CliHarness.run("inspect", "--trust-cert", pem.toString(), "--jwks", jwks.toString(), "--format",
                "json", "--out", reports.toString(), bare.toString());

        JsonNode d = JSON.readTree(r.out());
        assertThat(d.get("artifacts").get(0).get("kind").asText()).as(r.out()).isEqualTo("wsfed-rstr");
        assertThat(d.get("mfaBy").asText()).isEqualTo("federated-idp");
        Path run;
        try (Stream<Path> s = Files.list(reports)) {
            run = s.filter(p -> p.getFileName().toString().endsWith("bare-export.har")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(run.resolve("capture.har"))).contains("wresult").doesNotContain(PASSWORD)
                .doesNotContain(REFRESH).doesNotContain("auth-code-secret").doesNotContain("verifier-secret")
                .doesNotContain("passcode=123456");
    }

    @Test
    void aTruncatedExportIsJudgedOnWhatItHoldsWithANote() throws Exception {
        String text = Files.readString(har);
        Path cut = dir.resolve("cut.har");
        Files.writeString(cut, text.substring(0, text.indexOf("login.srf") + 200));
        CliHarness.Run r = CliHarness.run("inspect", "--format", "json", cut.toString());
        assertThat(r.err()).contains("note:");
        assertThat(JSON.readTree(r.out()).has("verdict")).isTrue();
    }
}
