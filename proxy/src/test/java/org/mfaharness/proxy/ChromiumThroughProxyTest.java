package org.mfaharness.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.undertow.util.Headers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.exchange.FormField;
import org.mfaharness.proxy.har.HarReadResult;
import org.mfaharness.proxy.har.HarReader;
import org.mfaharness.proxy.support.ProxyFixture;
import org.mfaharness.proxy.support.ProxyFixture.Recorder;
import org.mfaharness.proxy.support.TestUpstream;

/** Headless Chromium (Debian's binary, driven directly) through the intercepting proxy, loopback only. */
class ChromiumThroughProxyTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String SAML_RESPONSE = Base64.getEncoder().encodeToString(
            ("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r1\"><saml:Assertion "
                    + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:AuthnStatement><saml:AuthnContext>"
                    + "<saml:AuthnContextClassRef>http://schemas.microsoft.com/claims/multipleauthn"
                    + "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement></saml:Assertion>"
                    + "</samlp:Response>").getBytes(StandardCharsets.UTF_8));

    @Test
    void chromiumPostsAnAutoSubmittedSamlResponseThatIsRecordedIntact(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        Path har = tmp.resolve("chromium.har");
        Recorder rec = new Recorder();
        try (TestUpstream idp = TestUpstream.https(ProxyFixture.LAB_CA.serverSslContext("idp.lab.test", "sp.lab.test"),
                ChromiumThroughProxyTest::serve);
             InterceptingProxy proxy = ProxyFixture.proxy().harFile(har).listener(rec)
                     .map("idp.lab.test=127.0.0.1:" + idp.port()).map("sp.lab.test=127.0.0.1:" + idp.port()).build()) {
            InetSocketAddress at = proxy.start();
            String dom = runChromium(tmp, at, proxy.certificateAuthority().leafSpkiPin(), "https://idp.lab.test/sso");
            assertThat(dom).contains("<p id=\"result\">received " + SAML_RESPONSE.length() + "</p>");

            List<Exchange> all = rec.all(proxy, 2);
            Exchange post = all.stream().filter(e -> e.url().equals("https://sp.lab.test/acs")).findFirst().orElseThrow();
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.status()).isEqualTo(200);
            assertThat(post.tls().sni()).isEqualTo("sp.lab.test");
            assertThat(post.requestForm()).contains(new FormField("SAMLResponse", SAML_RESPONSE),
                    new FormField("RelayState", "rs-42"));
            assertThat(proxy.flush(java.time.Duration.ofSeconds(5))).isTrue();
        }
        HarReadResult r = HarReader.readAll(har);
        assertThat(r.problem()).isEmpty();
        Exchange fromHar = r.entries().stream().filter(e -> e.url().equals("https://sp.lab.test/acs")).findFirst()
                .orElseThrow();
        assertThat(fromHar.requestForm()).contains(new FormField("SAMLResponse", SAML_RESPONSE));
    }

    private static void serve(io.undertow.server.HttpServerExchange ex) throws Exception {
        String path = ex.getRequestPath();
        String host = ex.getRequestHeaders().getFirst(Headers.HOST);
        if (host.startsWith("idp.lab.test") && path.equals("/sso")) {
            html(ex, "<!doctype html><html><body onload=\"document.forms[0].submit()\">"
                    + "<form method=\"POST\" action=\"https://sp.lab.test/acs\">"
                    + "<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + SAML_RESPONSE + "\"/>"
                    + "<input type=\"hidden\" name=\"RelayState\" value=\"rs-42\"/>"
                    + "<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>");
        } else if (host.startsWith("sp.lab.test") && path.equals("/acs")) {
            String body = new String(TestUpstream.readAll(ex.getInputStream()), StandardCharsets.US_ASCII);
            String saml = org.mfaharness.proxy.exchange.FormCodec.first(body, "SAMLResponse").orElse("");
            html(ex, "<!doctype html><html><body><p id=\"result\">received " + saml.length() + "</p></body></html>");
        } else {
            TestUpstream.text(ex, 404, "not found");
        }
    }

    private static void html(io.undertow.server.HttpServerExchange ex, String html) throws IOException {
        byte[] b = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        ex.setResponseContentLength(b.length);
        ex.getOutputStream().write(b);
        ex.getOutputStream().close();
    }

    /** Runs Chromium with exactly the project's loopback-only flags and returns the dumped DOM. */
    private static String runChromium(Path tmp, InetSocketAddress proxy, String spkiPin, String url) throws Exception {
        Path profile = Files.createDirectories(tmp.resolve("chromium-profile"));
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(),
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:" + proxy.getPort(), "--proxy-bypass-list=<-loopback>",
                "--user-data-dir=" + profile, "--ignore-certificate-errors-spki-list=" + spkiPin,
                "--virtual-time-budget=10000", "--dump-dom", url));
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("chromium.log").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
