package org.mfaharness.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.testing.JudgementAssert.assertThat;

import io.undertow.Undertow;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.artifact.Saml2Response;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.proxy.ca.CaOptions;
import org.mfaharness.proxy.ca.CertificateAuthority;
import org.mfaharness.scenario.browser.Browser;
import org.mfaharness.scenario.browser.BrowserFactory;
import org.mfaharness.testing.Judging;
import org.mfaharness.testing.Saml2Builder;
import org.mfaharness.testing.Tokens;
import org.mfaharness.verify.MfaReading;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.Verdict;
import org.mfaharness.verify.chain.ChainJudge;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The proxy wired to the extractors, with real clients: headless Chromium posting an auto-submitted SAMLResponse to
 * an HTTPS upstream, and the JDK HttpClient sending a Bearer token — each exchange becomes the artifact the server
 * received, judged by the verdict engine.
 */
class LiveCaptureTest {
    static CertificateAuthority upstreamCa;
    static Undertow upstream;
    static int upstreamPort;
    static final List<String> received = new CopyOnWriteArrayList<>();
    static String page;

    @BeforeAll
    static void startUpstream() throws Exception {
        upstreamCa = CertificateAuthority.generate(CaOptions.forRun());
        String saml = Saml2Builder.response().classRefs("http://schemas.microsoft.com/claims/multipleauthn").buildBase64();
        page = "<html><body onload='document.forms[0].submit()'><form method='POST' action='/login.srf'>"
                + "<input type='hidden' name='SAMLResponse' value='" + saml + "'/><input type='hidden' name='RelayState' value='x'/>"
                + "<noscript><input type='submit'/></noscript></form></body></html>";
        upstream = Undertow.builder()
                .addHttpsListener(0, "127.0.0.1", upstreamCa.serverSslContext("localhost", "127.0.0.1"))
                .setHandler(new io.undertow.server.handlers.BlockingHandler(ex -> {
                    if (ex.getRequestPath().equals("/login.srf")) {
                        var form = FormParserFactory.builder().build().createParser(ex).parseBlocking();
                        received.add(form.getFirst("SAMLResponse").getValue());
                        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html");
                        ex.getResponseSender().send("<html><body><p id='done'>signed in</p></body></html>");
                    } else {
                        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html");
                        ex.getResponseSender().send(page);
                    }
                })).build();
        upstream.start();
        upstreamPort = ((InetSocketAddress) upstream.getListenerInfo().get(0).getAddress()).getPort();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    static LiveCapture capture(List<Artifact> live) throws Exception {
        return LiveCapture.start(b -> b.port(0).upstreamCa(upstreamCa.certificate()).shutdownHook(false),
                new ArtifactDetector(CloudProfile.PUBLIC, null), live::addAll);
    }

    @Test
    void chromiumPostingASamlResponseThroughTheProxyIsCapturedAndJudged() throws Exception {
        List<Artifact> live = new CopyOnWriteArrayList<>();
        try (LiveCapture c = capture(live)) {
            var opts = BrowserFactory.Options.chromium().withProxy(c.address())
                    .withTrustedSpkiPin(c.proxy().certificateAuthority().leafSpkiPin());
            try (Browser b = BrowserFactory.open(opts)) {
                b.driver().get("https://localhost:" + upstreamPort + "/start");
                new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            }
            List<Artifact> arts = c.artifacts(Duration.ofSeconds(5));
            Saml2Response r = arts.stream().filter(a -> a instanceof Saml2Response).map(a -> (Saml2Response) a).findFirst().orElseThrow();
            assertThat(r.origin().method()).isEqualTo("POST");
            assertThat(r.origin().url()).endsWith("/login.srf");
            assertThat(r.origin().field()).isEqualTo("SAMLResponse");
            assertThat(received).isNotEmpty();
            assertThat(new ChainJudge(Judging.trusting()).judge(arts))
                    .hasVerdict(Verdict.PASS).hasMfa(MfaReading.PRESENT).hasFinding(ReasonCode.S2_MFA_CLASSREF);
            assertThat(live).contains(r);
        }
    }

    @Test
    void aBearerTokenSentByAnHttpClientIsCapturedFromTheAuthorizationHeader() throws Exception {
        String token = Tokens.entra(Tokens.partnerCenterAccessToken(List.of("pwd")));
        try (LiveCapture c = capture(new CopyOnWriteArrayList<>())) {
            HttpClient client = HttpClient.newBuilder().proxy(java.net.ProxySelector.of(c.address()))
                    .sslContext(c.proxy().certificateAuthority().clientSslContext()).build();
            client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + upstreamPort + "/v1/customers"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
            client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + upstreamPort + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + URLEncoder.encode("0.AXw-secret-rt", StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            List<Artifact> arts = c.artifacts(Duration.ofSeconds(5));
            JwtToken t = arts.stream().filter(a -> a instanceof JwtToken).map(a -> (JwtToken) a).findFirst().orElseThrow();
            assertThat(t.origin().field()).isEqualTo("Authorization");
            assertThat(t.raw()).isEqualTo(token);
            assertThat(arts).noneMatch(a -> a.raw().contains("0.AXw-secret-rt"));
            assertThat(new ChainJudge(Judging.trusting()).judge(arts)).hasVerdict(Verdict.FAIL).hasFinding(ReasonCode.ENTRA_AMR_NO_MFA);
        }
    }
}
