package org.mfaharness.scenario.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mfaharness.lab.Lab;
import org.mfaharness.lab.LabUser;
import org.mfaharness.scenario.browser.BrowserKind;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The default drivers against the real lab (direct mode, TLS from the lab CA): sign-ins start at lab Entra's
 * {@code /authorize} (Azure CLI client, PKCE, a loopback redirect served by the test) and end when the browser reaches
 * the redirect with a {@code code}, which is then redeemed so the token's {@code amr} shows who did the MFA. One
 * user per test, so TOTP replay caches never collide. Chromium trusts the lab by SPKI pin; HtmlUnit goes through a
 * loopback-only test proxy and accepts the lab's certificates.
 */
class LabSignInDriversTest {
    static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String PC_SCOPE = "https://api.partnercenter.lab.test/user_impersonation";
    static final ObjectMapper JSON = new ObjectMapper();

    static Lab lab;
    static PageServer app;
    static TestBrowsers browsers;
    static HttpClient http;
    final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        lab = Lab.builder().start();
        app = new PageServer(OfflineDriversTest.SEED);
        browsers = new TestBrowsers(lab.spkiPin(), true, lab.caCertificateFile());
        http = HttpClient.newBuilder().sslContext(lab.sslContext()).proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        if (app != null) {
            app.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    /** A finished interactive sign-in: the steps taken and the access token's claims. */
    record SignedIn(SignInResult result, JsonNode claims) {
        List<String> amr() {
            List<String> out = new ArrayList<>();
            claims.path("amr").forEach(n -> out.add(n.asText()));
            return out;
        }
    }

    SignInContext ctx(LabUser u) {
        return SignInContext.builder().upn(Secret.of(u.upn())).password(Secret.of(u.password()))
                .totpSeed(Secret.of(u.totpSeed())).progress(progress::add).build();
    }

    static LabUser user(String upn) {
        return lab.user(upn).orElseThrow(() -> new AssertionError("the lab's default configuration has no " + upn));
    }

    String redirectUri() {
        return app.base() + "/app/callback";
    }

    String authorizeUrl(String state, String verifier) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", AZURE_CLI);
        q.put("response_type", "code");
        q.put("redirect_uri", redirectUri());
        q.put("scope", PC_SCOPE + " openid profile offline_access");
        q.put("state", state);
        q.put("nonce", "n-" + System.nanoTime());
        q.put("code_challenge", challenge);
        q.put("code_challenge_method", "S256");
        q.put("prompt", "login");
        return lab.addresses().loginBase() + "/organizations/oauth2/v2.0/authorize?" + form(q);
    }

    SignedIn signIn(BrowserKind kind, LabUser u) throws Exception {
        String state = "st-" + System.nanoTime();
        String verifier = "verifier-" + System.nanoTime() + "-0123456789abcdefghijklmnopqrstuvwxyz";
        String url = authorizeUrl(state, verifier);
        WebDriver d = browsers.fresh(kind).driver();

        SignInResult r = SignInSession.builder().until(Until.redirectUriOf(url)).timeout(Duration.ofSeconds(60)).build()
                .run(d, url, ctx(u));

        Map<String, String> back = query(d.getCurrentUrl());
        assertThat(back).containsEntry("state", state).containsKey("code");
        JsonNode token = post("/organizations/oauth2/v2.0/token", Map.of("grant_type", "authorization_code",
                "client_id", AZURE_CLI, "code", back.get("code"), "redirect_uri", redirectUri(),
                "code_verifier", verifier, "scope", PC_SCOPE));
        assertThat(r.finalUrl()).isEqualTo(redirectUri());
        assertProgressHoldsNoSecret(u, back.get("code"));
        return new SignedIn(r, claims(token.path("access_token").asText()));
    }

    void assertProgressHoldsNoSecret(LabUser u, String... more) {
        assertThat(progress).isNotEmpty().allSatisfy(line -> {
            assertThat(line).doesNotContain(u.password(), u.totpSeed(), u.upn());
            for (String m : more) {
                assertThat(line).doesNotContain(m);
            }
        });
    }

    @Test
    void wsFedUserSignsInThroughAdfsFormsAndTheIdpsCodePage() throws Exception {
        SignedIn s = signIn(BrowserKind.CHROMIUM, user("user@wsfed-claim-enforce.lab.test"));

        assertThat(s.result().steps()).containsExactly(
                "typed the user name into i0116 and clicked idSIButton9",
                "typed the user name into userNameInput, the password into passwordInput and clicked submitButton "
                        + "(AD FS forms sign-in)",
                "typed the current TOTP code into totpCodeInput and clicked submitButton "
                        + "(AD FS additional authentication, AuthMethod=LabTotpAdapter)");
        assertThat(s.amr()).containsExactly("fed", "mfa");
    }

    @Test
    void saml2UserSignsInThroughTheOktaStyleIdp() throws Exception {
        SignedIn s = signIn(BrowserKind.CHROMIUM, user("user@saml-classref-enforce.lab.test"));

        assertThat(s.result().steps()).containsExactly(
                "typed the user name into i0116 and clicked idSIButton9",
                "typed the user name into okta-signin-username, the password into okta-signin-password and clicked "
                        + "okta-signin-submit",
                "typed the current TOTP code into totpCodeInput and clicked verifyButton");
        assertThat(s.amr()).containsExactly("fed", "mfa");
    }

    @Test
    void eamUserSignsInWithTheProvidersCodePage() throws Exception {
        SignedIn s = signIn(BrowserKind.CHROMIUM, user("conformant@eam-users.lab.test"));

        assertThat(s.result().steps()).containsExactly(
                "typed the user name into i0116 and clicked idSIButton9",
                "typed the password into i0118 and clicked idSIButton9",
                "typed the current TOTP code into eamCodeInput and clicked eamVerifyButton");
        assertThat(s.amr()).containsExactly("pwd", "mfa");
    }

    @Test
    void acceptModeUserWithoutTheIdpClaimAnswersEntrasOwnCodePrompt() throws Exception {
        SignedIn s = signIn(BrowserKind.CHROMIUM, user("user@wsfed-noclaim-accept.lab.test"));

        assertThat(s.result().steps()).containsExactly(
                "typed the user name into i0116 and clicked idSIButton9",
                "typed the user name into userNameInput, the password into passwordInput and clicked submitButton "
                        + "(AD FS forms sign-in)",
                "typed the current TOTP code into totpCodeInput and clicked submitButton "
                        + "(AD FS additional authentication, AuthMethod=LabTotpAdapter)",
                "typed the current TOTP code into idTxtBx_SAOTCC_OTC and clicked idSubmit_SAOTCC_Continue");
        assertThat(s.amr()).as("Entra did the MFA").containsExactly("fed", "otp", "mfa");
    }

    @Test
    void deviceLoginTypesTheUserCodeThenEntrasCode() throws Exception {
        LabUser u = user("otp@managed.lab.test");
        JsonNode dc = post("/organizations/oauth2/v2.0/devicecode", Map.of("client_id", AZURE_CLI,
                "scope", PC_SCOPE + " offline_access"));
        SignInContext ctx = SignInContext.builder().upn(Secret.of(u.upn())).password(Secret.of(u.password()))
                .totpSeed(Secret.of(u.totpSeed())).deviceCode(Secret.of(dc.path("user_code").asText()))
                .progress(progress::add).build();

        SignInResult r = SignInSession.builder().until(Until.visible(By.id("deviceAuthDone")))
                .timeout(Duration.ofSeconds(60)).build()
                .run(browsers.fresh(BrowserKind.CHROMIUM).driver(), dc.path("verification_uri").asText(), ctx);

        assertThat(r.steps()).containsExactly(
                "typed the device code into otc and clicked idSIButton9",
                "typed the user name into i0116 and clicked idSIButton9",
                "typed the password into i0118 and clicked idSIButton9",
                "typed the current TOTP code into idTxtBx_SAOTCC_OTC and clicked idSubmit_SAOTCC_Continue");
        JsonNode token = post("/organizations/oauth2/v2.0/token", Map.of("grant_type",
                "urn:ietf:params:oauth:grant-type:device_code", "client_id", AZURE_CLI,
                "device_code", dc.path("device_code").asText()));
        List<String> amr = new ArrayList<>();
        claims(token.path("access_token").asText()).path("amr").forEach(n -> amr.add(n.asText()));
        assertThat(amr).containsExactly("pwd", "otp", "mfa");
        assertProgressHoldsNoSecret(u, dc.path("user_code").asText());
    }

    @Test
    void enforceModeWithoutTheClaimEndsOnEntrasAadsts50079Page() throws Exception {
        LabUser u = user("user@wsfed-noclaim-enforce.lab.test");
        String url = authorizeUrl("st", "verifier-0123456789abcdefghijklmnopqrstuvwxyz-0123456789");

        SignInFailedException e = catchThrowableOfType(SignInFailedException.class, () -> SignInSession.builder()
                .until(Until.redirectUriOf(url)).timeout(Duration.ofSeconds(60)).build()
                .run(browsers.fresh(BrowserKind.CHROMIUM).driver(), url, ctx(u)));

        assertThat(e.kind()).isEqualTo(SignInFailedException.Kind.ERROR_PAGE);
        assertThat(e.aadstsCode()).hasValue(50079);
        assertThat(e.getMessage()).startsWith("Entra answered AADSTS50079 at " + lab.addresses().loginBase())
                .doesNotContain(u.password(), u.totpSeed(), "?");
    }

    @Test
    void aWrongPasswordEndsOnEntrasAadsts50126InsteadOfRetrying() throws Exception {
        LabUser u = user("nomfa@tailspin.lab.test");
        String url = authorizeUrl("st", "verifier-0123456789abcdefghijklmnopqrstuvwxyz-0123456789");
        SignInContext wrong = SignInContext.builder().upn(Secret.of(u.upn())).password(Secret.of("not-" + u.password()))
                .progress(progress::add).build();

        SignInFailedException e = catchThrowableOfType(SignInFailedException.class, () -> SignInSession.builder()
                .until(Until.redirectUriOf(url)).timeout(Duration.ofSeconds(60)).build()
                .run(browsers.fresh(BrowserKind.CHROMIUM).driver(), url, wrong));

        assertThat(e.aadstsCode()).hasValue(50126);
        assertThat(e.getMessage()).isEqualTo("Entra answered AADSTS50126 at " + lab.addresses().loginBase()
                + "/common/login: Your account or password is incorrect. (AADSTS50126)");
    }

    @Test
    void htmlUnitThroughAProxySignsInAWsFedUser() throws Exception {
        SignedIn s = signIn(BrowserKind.HTMLUNIT, user("user@wsfed-claim-accept.lab.test"));

        assertThat(s.result().steps()).hasSize(3).last().asString().contains("AD FS additional authentication");
        assertThat(s.amr()).containsExactly("fed", "mfa");
        assertThat(browsers.exchanges).isNotEmpty();
        assertThat(browsers.failedExchanges()).isEmpty();
    }

    @Test
    void htmlUnitThroughAProxySignsInASaml2User() throws Exception {
        SignedIn s = signIn(BrowserKind.HTMLUNIT, user("user@saml-classref-accept.lab.test"));

        assertThat(s.result().steps()).hasSize(3).last().asString()
                .isEqualTo("typed the current TOTP code into totpCodeInput and clicked verifyButton");
        assertThat(s.amr()).containsExactly("fed", "mfa");
        assertThat(browsers.failedExchanges()).isEmpty();
    }

    static JsonNode post(String path, Map<String, String> fields) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(lab.addresses().loginBase() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as("POST %s: %s", path, res.body()).isEqualTo(200);
        return JSON.readTree(res.body());
    }

    static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(url).getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
