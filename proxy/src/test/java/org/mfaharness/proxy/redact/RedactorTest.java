package org.mfaharness.proxy.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfaharness.proxy.exchange.Body;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.exchange.Header;

class RedactorTest {
    private final Redactor redactor = new Redactor(RedactionPolicy.defaults());

    private static Exchange exchange(String url, List<Header> reqHeaders, String reqBody, List<Header> respHeaders,
                                     String respBody) {
        return new Exchange(1, Instant.now(), "127.0.0.1:5000", "POST", url, "HTTP/1.1", reqHeaders,
                Body.of(reqBody.getBytes(StandardCharsets.UTF_8)), 200, "OK", respHeaders,
                Body.of(respBody.getBytes(StandardCharsets.UTF_8)), null, null, null, null);
    }

    private static Exchange form(String body) {
        return exchange("https://login.lab.test/p", List.of(new Header("Content-Type",
                "application/x-www-form-urlencoded")), body, List.of(), "");
    }

    private Exchange json(String body) {
        return exchange("https://login.lab.test/t", List.of(), "", List.of(new Header("Content-Type",
                "application/json; charset=utf-8")), body);
    }

    @Test
    void aTokenResponseWithLongTokensIsRedactedWithoutExhaustingTheStack() throws Exception {
        // A real access token is kilobytes long; a backtracking regex per character would overflow a thread's stack.
        String token = "eyJ" + "a".repeat(200_000) + ".eyJ" + "b".repeat(50_000) + ".c2ln";
        String body = "{\"token_type\":\"Bearer\",\"access_token\":\"" + token + "\",\"refresh_token\":\"0.AXw\\\"q"
                + "r".repeat(100_000) + "\"}";
        Thread t = new Thread(null, () -> {
            Exchange e = redactor.apply(json(body));
            String out = e.responseText();
            if (!out.contains(token) || out.contains("rrrrrrrr")) {
                throw new AssertionError("redaction changed the access token or kept the refresh token");
            }
        }, "small-stack", 256 * 1024);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        t.setUncaughtExceptionHandler((th, ex) -> failure.set(ex));
        t.start();
        t.join();
        assertThat(failure.get()).isNull();
    }

    @Test
    void cookieValuesAreRemovedNamesKept() {
        Exchange e = redactor.apply(exchange("https://a.lab.test/", List.of(new Header("Cookie",
                "ESTSAUTH=abc123; x-ms-gateway-slice=estsfd")), "", List.of(), ""));
        assertThat(e.requestHeader("Cookie")).hasValue("ESTSAUTH=REDACTED; x-ms-gateway-slice=REDACTED");
    }

    @Test
    void setCookieValueIsRemovedAttributesKept() {
        Exchange e = redactor.apply(exchange("https://a.lab.test/", List.of(), "", List.of(new Header("Set-Cookie",
                "ESTSAUTHPERSISTENT=0.AXsecret; domain=.login.lab.test; path=/; secure; HttpOnly")), ""));
        assertThat(e.responseHeader("Set-Cookie"))
                .hasValue("ESTSAUTHPERSISTENT=REDACTED; domain=.login.lab.test; path=/; secure; HttpOnly");
    }

    @Test
    void basicAuthorizationIsRemovedBearerKept() {
        Exchange basic = redactor.apply(exchange("https://a.lab.test/", List.of(new Header("Authorization",
                "Basic YWxpY2U6cGFzcw==")), "", List.of(), ""));
        assertThat(basic.requestHeader("Authorization")).hasValue("Basic REDACTED");
        Exchange bearer = redactor.apply(exchange("https://a.lab.test/", List.of(new Header("Authorization",
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJhbXIiOlsibWZhIl19.c2ln")), "", List.of(), ""));
        assertThat(bearer.requestHeader("Authorization"))
                .hasValue("Bearer eyJhbGciOiJSUzI1NiJ9.eyJhbXIiOlsibWZhIl19.c2ln");
        Exchange proxyAuth = redactor.apply(exchange("https://a.lab.test/", List.of(new Header("Proxy-Authorization",
                "Negotiate TlRMTVNTUAAB")), "", List.of(), ""));
        assertThat(proxyAuth.requestHeader("Proxy-Authorization")).hasValue("Negotiate REDACTED");
    }

    @Test
    void passwordFieldsOfEveryUsualSpellingAreRemovedFromForms() {
        Exchange e = redactor.apply(form("login=alice%40lab.test&passwd=Hunter2%21&Password=x&pwd=y&Passwd=z"
                + "&newPassword=n&pf.pass=q&UserName=alice"));
        assertThat(e.requestText()).isEqualTo("login=alice%40lab.test&passwd=REDACTED&Password=REDACTED"
                + "&pwd=REDACTED&Passwd=REDACTED&newPassword=REDACTED&pf.pass=q&UserName=alice");
    }

    @Test
    void oneTimeCodesAreRemovedFromForms() {
        Exchange e = redactor.apply(form("otc=123456&otp=654321&totp=111111&passcode=222222&flowToken=keep"));
        assertThat(e.requestText()).isEqualTo("otc=REDACTED&otp=REDACTED&totp=REDACTED&passcode=REDACTED&flowToken=keep");
    }

    @Test
    void tokenRequestSecretsAreRemovedAndAssertionsKept() {
        Exchange e = redactor.apply(form("grant_type=authorization_code&code=0.AXcode&code_verifier=ver"
                + "&client_secret=s3&client_assertion=eyJ.a.b&refresh_token=rt&device_code=dc&client_id=app"
                + "&SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D&wresult=%3Ct%3E"));
        assertThat(e.requestText()).isEqualTo("grant_type=authorization_code&code=REDACTED&code_verifier=REDACTED"
                + "&client_secret=REDACTED&client_assertion=REDACTED&refresh_token=REDACTED&device_code=REDACTED"
                + "&client_id=app&SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D&wresult=%3Ct%3E");
    }

    @Test
    void authorizationCodeIsRemovedFromRedirectUrlsAndReferers() {
        Exchange e = redactor.apply(exchange("https://app.lab.test/cb?code=0.AXsecret&state=s1#code=frag&id_token=h.p.s",
                List.of(new Header("Referer", "https://app.lab.test/cb?code=0.AXsecret&state=s1")), "",
                List.of(new Header("Location", "https://app.lab.test/cb?code=0.AXother&session_state=x")), ""));
        assertThat(e.url()).isEqualTo("https://app.lab.test/cb?code=REDACTED&state=s1#code=REDACTED&id_token=h.p.s");
        assertThat(e.requestHeader("Referer")).hasValue("https://app.lab.test/cb?code=REDACTED&state=s1");
        assertThat(e.responseHeader("Location")).hasValue("https://app.lab.test/cb?code=REDACTED&session_state=x");
        assertThat(e.url()).doesNotContain("code_challenge=REDACTED");
    }

    @Test
    void codeChallengeIsPublicAndKept() {
        Exchange e = redactor.apply(exchange("https://login.lab.test/authorize?code_challenge=abc&response_type=code",
                List.of(), "", List.of(), ""));
        assertThat(e.url()).isEqualTo("https://login.lab.test/authorize?code_challenge=abc&response_type=code");
    }

    @Test
    void jsonTokenResponseLosesTheRefreshTokenAndKeepsAccessAndIdTokens() {
        Exchange e = redactor.apply(json("{\"token_type\":\"Bearer\",\"access_token\":\"at.b.c\",\n"
                + "  \"refresh_token\" : \"1.AXrefresh\",\"id_token\":\"h.p.s\",\"expires_in\":3599}"));
        assertThat(e.responseText()).isEqualTo("{\"token_type\":\"Bearer\",\"access_token\":\"at.b.c\",\n"
                + "  \"refresh_token\" : \"REDACTED\",\"id_token\":\"h.p.s\",\"expires_in\":3599}");
    }

    @Test
    void jsonNestedSecretsAndNumbersAreRemovedEvenInATruncatedBody() {
        Exchange e = redactor.apply(json("{\"creds\":{\"password\":\"p\\\"q\",\"pin\":1234},\"device_code\":\"GMMh"));
        assertThat(e.responseText()).isEqualTo("{\"creds\":{\"password\":\"REDACTED\",\"pin\":\"REDACTED\"},"
                + "\"device_code\":\"GMMh");
    }

    @Test
    void formPostHtmlLosesTheCodeInputAndKeepsTheIdToken() {
        String html = "<form method=\"POST\" action=\"https://app.lab.test/cb\">"
                + "<input type=\"hidden\" name=\"code\" value=\"0.AXcode\"/>"
                + "<input type=\"hidden\" name=\"id_token\" value=\"h.p.s\"/>"
                + "<INPUT TYPE=hidden VALUE='secret2' NAME='otc'>"
                + "<input name=\"SAMLResponse\" value=\"PHNhbWw+\"></form>";
        Exchange e = redactor.apply(exchange("https://login.lab.test/", List.of(), "",
                List.of(new Header("Content-Type", "text/html; charset=utf-8")), html));
        assertThat(e.responseText()).isEqualTo("<form method=\"POST\" action=\"https://app.lab.test/cb\">"
                + "<input type=\"hidden\" name=\"code\" value=\"REDACTED\"/>"
                + "<input type=\"hidden\" name=\"id_token\" value=\"h.p.s\"/>"
                + "<INPUT TYPE=hidden VALUE='REDACTED' NAME='otc'>"
                + "<input name=\"SAMLResponse\" value=\"PHNhbWw+\"></form>");
    }

    @Test
    void addedFieldNamesAreRemovedToo() {
        Redactor r = new Redactor(RedactionPolicy.builder().field("answer", "X-Api-Key").build());
        Exchange e = r.apply(exchange("https://a.lab.test/?answer=blue", List.of(new Header("X-Api-Key", "k1"),
                new Header("Content-Type", "application/x-www-form-urlencoded")), "answer=red&keep=1", List.of(), ""));
        assertThat(e.url()).isEqualTo("https://a.lab.test/?answer=REDACTED");
        assertThat(e.requestHeader("X-Api-Key")).hasValue("REDACTED");
        assertThat(e.requestText()).isEqualTo("answer=REDACTED&keep=1");
    }

    @Test
    void exactSecretValuesAreScrubbedAnywhereInTheirEscapedForms() {
        Redactor r = new Redactor(RedactionPolicy.builder().secretValue("Lab P@ss\"1").build());
        r.addSecretValue("424242");
        Exchange e = r.apply(exchange("https://a.lab.test/x?q=424242",
                List.of(new Header("X-Debug", "typed Lab P@ss\"1"), new Header("Content-Type", "text/plain")),
                "free text Lab+P%40ss%221 and Lab%20P%40ss%221 and 424242", List.of(new Header("Content-Type",
                        "application/json")), "{\"echo\":\"Lab P@ss\\\"1\"}"));
        assertThat(e.url()).isEqualTo("https://a.lab.test/x?q=REDACTED");
        assertThat(e.requestHeader("X-Debug")).hasValue("typed REDACTED");
        assertThat(e.requestText()).isEqualTo("free text REDACTED and REDACTED and REDACTED");
        assertThat(e.responseText()).isEqualTo("{\"echo\":\"REDACTED\"}");
    }

    @Test
    void rawModeKeepsEverything() {
        Exchange in = form("passwd=Hunter2&code=abc");
        assertThat(new Redactor(RedactionPolicy.raw()).apply(in)).isSameAs(in);
    }

    @Test
    void untouchedExchangesKeepTheirBodiesByteForByte() {
        Exchange in = form("a=%7e&b=c+d");
        Exchange out = redactor.apply(in);
        assertThat(out.requestBody()).isSameAs(in.requestBody());
        assertThat(out).isEqualTo(in);
    }

    @Test
    void shareModeRunsTheCallersScrubbersOnFieldsAndBodies() {
        RedactionPolicy share = RedactionPolicy.builder().mode(RedactionMode.SHARE)
                .shareFieldScrubber((where, name, value) -> name.equals("SAMLResponse") || name.equals("id_token")
                        || name.equals("Authorization") ? value + "[sig stripped at " + where + "]" : value)
                .shareBodyScrubber((ct, body) -> ct != null && ct.startsWith("application/xml")
                        ? "<stripped/>".getBytes(StandardCharsets.UTF_8) : body)
                .build();
        Redactor r = new Redactor(share);
        Exchange e = r.apply(exchange("https://app.lab.test/cb#id_token=h.p.s",
                List.of(new Header("Content-Type", "application/x-www-form-urlencoded"),
                        new Header("Authorization", "Bearer t")), "SAMLResponse=abc&passwd=x",
                List.of(new Header("Content-Type", "application/xml")), "<Response/>"));
        assertThat(e.url()).isEqualTo("https://app.lab.test/cb#id_token=h.p.s%5Bsig+stripped+at+FRAGMENT%5D");
        assertThat(e.requestHeader("Authorization")).hasValue("Bearer t[sig stripped at HEADER]");
        assertThat(e.requestText()).isEqualTo("SAMLResponse=abc%5Bsig+stripped+at+FORM%5D&passwd=REDACTED");
        assertThat(e.responseText()).isEqualTo("<stripped/>");
        assertThat(redactor.apply(e).url()).isEqualTo(e.url());
    }

    @Test
    void secretValuesAddedLaterReachTheViewWithoutShareScrubbingToo() {
        RedactionPolicy share = RedactionPolicy.builder().mode(RedactionMode.SHARE).secretValue("first secret")
                .shareFieldScrubber((where, name, value) -> value).build();
        Redactor r = new Redactor(share);
        Redactor listenerView = r.withoutShareScrubbing();
        r.addSecretValue("13 57");
        Exchange in = exchange("https://a.lab.test/x?q=13%2057", List.of(new Header("Content-Type", "text/plain"),
                        new Header("Referer", "https://a.lab.test/p?first+secret&v=13+57"),
                        new Header("X-Debug", "13 57")), "first secret, 13 57",
                List.of(new Header("Location", "https://a.lab.test/cb?c=13%2057")), "");
        for (Redactor view : List.of(r, listenerView)) {
            Exchange e = view.apply(in);
            assertThat(e.url()).isEqualTo("https://a.lab.test/x?q=REDACTED");
            assertThat(e.requestHeader("Referer")).hasValue("https://a.lab.test/p?REDACTED&v=REDACTED");
            assertThat(e.requestHeader("X-Debug")).hasValue("REDACTED");
            assertThat(e.requestText()).isEqualTo("REDACTED, REDACTED");
            assertThat(e.responseHeader("Location")).hasValue("https://a.lab.test/cb?c=REDACTED");
        }
    }

    @Test
    void shareModeWithoutAScrubberIsRefused() {
        assertThatThrownBy(() -> RedactionPolicy.builder().mode(RedactionMode.SHARE).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("share mode needs at least one share scrubber");
    }
}
