package org.mfaharness.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every party survives malformed and hostile requests with its documented error (an AADSTS page or JSON, a 400 page,
 * a 401 JSON) and never a stack trace; after each test the parties still answer.
 */
class MalformedRequestsTest {
    static final MutableClock CLOCK = new MutableClock();
    static Lab lab;
    static HttpClient http;

    @BeforeAll
    static void start() {
        lab = Lab.builder().clock(CLOCK).start();
        http = HttpClient.newBuilder().sslContext(lab.sslContext()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @AfterEach
    void everyPartyStillAnswers() throws Exception {
        assertThat(get(lab.addresses().loginBase() + "/organizations/v2.0/.well-known/openid-configuration").statusCode())
                .isEqualTo(200);
        assertThat(get(lab.addresses().idpBase("adfs") + "/").statusCode()).isEqualTo(200);
        assertThat(get(lab.addresses().idpBase("saml") + "/").statusCode()).isEqualTo(200);
        assertThat(get(lab.addresses().eamDiscovery("conformant")).statusCode()).isEqualTo(200);
        assertThat(get(lab.cloud().partnerCenterApi() + "/").statusCode()).isEqualTo(200);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        return post(url, FormAgent.encode(form));
    }

    static void assertNoStackTrace(HttpResponse<String> r) {
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.");
    }

    static void assertAadsts(HttpResponse<String> r, int code) {
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("AADSTS" + code + ": ");
        assertNoStackTrace(r);
    }

    static String token() {
        return lab.addresses().loginBase() + "/organizations/oauth2/v2.0/token";
    }

    @Test
    void authorizeWithoutClientIdShowsAadsts900144AndUnknownClient700016() throws Exception {
        assertAadsts(get(lab.addresses().loginBase() + "/organizations/oauth2/v2.0/authorize?response_type=code"), 900144);
        assertAadsts(get(lab.addresses().loginBase()
                + "/organizations/oauth2/v2.0/authorize?response_type=code&client_id=00000000-0000-0000-0000-000000000001"), 700016);
        assertAadsts(get(lab.addresses().loginBase() + "/organizations/oauth2/v2.0/authorize?response_type=code&client_id="
                + LabSignIn.AZURE_CLI + "&redirect_uri=https%3A%2F%2Fevil.example%2F"), 50011);
        assertAadsts(get(lab.addresses().loginBase() + "/no-such-tenant.example/oauth2/v2.0/authorize?client_id=x"), 90002);
    }

    @Test
    void badPercentEncodingIsABadRequestNotAnError500() throws Exception {
        HttpResponse<String> r = post(token(), "grant_type=%zz&client_id=%");
        assertAadsts(r, 900144);
        assertThat(Jwt.json(r.body()).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void anOversizedBodyIsRefusedWith400NotAnInternalError() throws Exception {
        String big = "SAMLResponse=" + "A".repeat(600 * 1024) + "&RelayState=x";
        HttpResponse<String> r = post(lab.addresses().loginSrf(), big);
        assertAadsts(r, 900144);
        assertThat(r.body()).contains("too large");
        HttpResponse<String> idp = post(lab.addresses().idpBase("adfs") + "/adfs/ls/", "Context=" + "A".repeat(600 * 1024));
        assertThat(idp.statusCode()).isEqualTo(400);
    }

    @Test
    void tokenEndpointAnswersJsonErrorsForMissingParametersUnknownGrantsAndBadCodes() throws Exception {
        HttpResponse<String> r = post(token(), Map.of("client_id", LabSignIn.AZURE_CLI));
        assertAadsts(r, 900144);
        assertThat(Jwt.json(r.body()).path("error_codes").get(0).asInt()).isEqualTo(900144);
        assertAadsts(post(token(), Map.of("client_id", LabSignIn.AZURE_CLI, "grant_type", "password")), 70003);
        assertAadsts(post(token(), Map.of("client_id", LabSignIn.AZURE_CLI, "grant_type", "authorization_code",
                "code", "garbage")), 70000);
        assertAadsts(post(token(), Map.of("client_id", LabSignIn.AZURE_CLI, "grant_type", "refresh_token",
                "refresh_token", "garbage")), 70000);
    }

    @Test
    void aRedeemedCodeIsRefusedWith54005AndAWrongVerifierWith501481() throws Exception {
        LabSignIn.Outcome o = LabSignIn.interactive(lab, lab.user("otp@managed.lab.test").orElseThrow(), LabSignIn.PC_SCOPE);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("client_id", LabSignIn.AZURE_CLI);
        f.put("grant_type", "authorization_code");
        f.put("code", o.code().orElseThrow());
        f.put("redirect_uri", LabSignIn.REDIRECT);
        f.put("code_verifier", "wrong-verifier-wrong-verifier-wrong-verifier-00");
        assertAadsts(post(token(), f), 501481);
        assertThat(LabSignIn.redeem(lab, o, LabSignIn.PC_SCOPE).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = LabSignIn.redeem(lab, o, LabSignIn.PC_SCOPE);
        assertAadsts(replay, 54005);
        assertThat(Jwt.json(replay.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void anExpiredCodeIsRefusedWith70008() throws Exception {
        LabSignIn.Outcome o = LabSignIn.interactive(lab, lab.user("pc-call@managed.lab.test").orElseThrow(), LabSignIn.PC_SCOPE);
        CLOCK.advance(Duration.ofMinutes(11));
        try {
            assertAadsts(LabSignIn.redeem(lab, o, LabSignIn.PC_SCOPE), 70008);
        } finally {
            CLOCK.advance(Duration.ofMinutes(-11));
        }
    }

    @Test
    void deviceCodeIsPendingWith70016UntilSignedInAndExpiresWith70020() throws Exception {
        HttpResponse<String> dc = post(lab.addresses().loginBase() + "/organizations/oauth2/v2.0/devicecode",
                Map.of("client_id", LabSignIn.AZURE_CLI, "scope", LabSignIn.PC_SCOPE + " offline_access"));
        assertThat(dc.statusCode()).isEqualTo(200);
        String deviceCode = Jwt.json(dc.body()).path("device_code").asText();
        Map<String, String> f = Map.of("client_id", LabSignIn.AZURE_CLI, "grant_type",
                "urn:ietf:params:oauth:grant-type:device_code", "device_code", deviceCode);
        HttpResponse<String> pending = post(token(), f);
        assertAadsts(pending, 70016);
        assertThat(Jwt.json(pending.body()).path("error").asText()).isEqualTo("authorization_pending");
        CLOCK.advance(Duration.ofMinutes(16));
        try {
            HttpResponse<String> expired = post(token(), f);
            assertAadsts(expired, 70020);
            assertThat(Jwt.json(expired.body()).path("error").asText()).isEqualTo("code_expired");
        } finally {
            CLOCK.advance(Duration.ofMinutes(-16));
        }
        assertAadsts(post(lab.addresses().loginBase() + "/organizations/oauth2/v2.0/devicecode", Map.of("scope", "openid")),
                900144);
    }

    @Test
    void loginSrfRefusesGarbageUnknownContextsBadBase64AndDoctypes(@TempDir Path tmp) throws Exception {
        String srf = lab.addresses().loginSrf();
        assertAadsts(post(srf, Map.of("foo", "bar")), 20012);
        assertAadsts(post(srf, Map.of("wa", "wsignin1.0", "wresult", "<x/>", "wctx", "nope")), 90014);
        assertAadsts(post(srf, Map.of("SAMLResponse", "!!!", "RelayState", "nope")), 90014);
        assertThat(get(srf).statusCode()).isEqualTo(405);

        // Start real sign-ins so the contexts exist, then post hostile responses into them.
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-FILE-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file://" + secret + "\">]>"
                + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&x;</samlp:Response>";
        String samlCtx = startFederated("user@saml-unsigned.lab.test", "RelayState");
        assertAadsts(post(srf, Map.of("SAMLResponse", "%%%not base64", "RelayState", samlCtx)), 50008);
        samlCtx = startFederated("user@saml-unsigned.lab.test", "RelayState");
        HttpResponse<String> r = post(srf, Map.of("SAMLResponse",
                Base64.getEncoder().encodeToString(xxe.getBytes(StandardCharsets.UTF_8)), "RelayState", samlCtx));
        assertAadsts(r, 50008);
        assertThat(r.body()).contains("DOCTYPE is not allowed").doesNotContain("TOP-SECRET");

        String wsCtx = startFederated("user@wsfed-unsigned.lab.test", "wctx");
        r = post(srf, Map.of("wa", "wsignin1.0", "wresult", xxe, "wctx", wsCtx));
        assertAadsts(r, 20012);
        assertThat(r.body()).doesNotContain("TOP-SECRET");
        wsCtx = startFederated("user@wsfed-unsigned.lab.test", "wctx");
        assertAadsts(post(srf, Map.of("wa", "wsignin1.0", "wresult", "<unclosed", "wctx", wsCtx)), 20012);
    }

    /** Starts a federated sign-in and returns Entra's context as the IdP received it. */
    static String startFederated(String upn, String relayParam) throws Exception {
        FormAgent agent = new FormAgent(lab.sslContext(), u -> u.contains("/adfs/ls/") || u.contains("/saml2/sso"));
        String url = lab.addresses().loginBase() + "/organizations/oauth2/v2.0/authorize?client_id=" + LabSignIn.AZURE_CLI
                + "&response_type=code&redirect_uri=" + java.net.URLEncoder.encode(LabSignIn.REDIRECT, StandardCharsets.UTF_8)
                + "&scope=" + java.net.URLEncoder.encode(LabSignIn.PC_SCOPE, StandardCharsets.UTF_8) + "&login_hint=" + upn;
        FormAgent.Page p = agent.get(url);
        assertThat(p.stoppedAtApp()).isTrue();
        return p.appQuery().get(relayParam);
    }

    @Test
    void federatedIdpsRefuseBadRequestsWithAPageAnd400() throws Exception {
        String adfs = lab.addresses().idpBase("adfs");
        HttpResponse<String> r = get(adfs + "/adfs/ls/");
        assertThat(r.statusCode()).isEqualTo(400);
        assertNoStackTrace(r);
        r = get(adfs + "/adfs/ls/?wa=wsignin1.0&wtrealm=urn:other");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("MSIS7007");
        r = get(adfs + "/adfs/ls/?wa=wsignin1.0&wtrealm=urn:federation:MicrosoftOnline&wreply=https://evil.example/");
        assertThat(r.body()).contains("MSIS7010");
        r = post(adfs + "/adfs/ls/", Map.of("Context", "unknown", "UserName", "x", "Password", "y"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("MSIS7001");
        r = post(adfs + "/adfs/ls/mfa", Map.of("Context", "unknown", "totpCode", "123456"));
        assertThat(r.statusCode()).isEqualTo(400);

        String saml = lab.addresses().idpBase("saml");
        r = get(saml + "/saml2/sso?SAMLRequest=%21%21%21");
        assertThat(r.statusCode()).isEqualTo(400);
        assertNoStackTrace(r);
        r = get(saml + "/saml2/sso");
        assertThat(r.statusCode()).isEqualTo(400);
        String doctype = "<!DOCTYPE x [<!ENTITY e \"e\">]><samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>";
        r = get(saml + "/saml2/sso?SAMLRequest=" + java.net.URLEncoder.encode(deflate(doctype), StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("DOCTYPE is not allowed");
        r = post(saml + "/saml2/login", Map.of("ctx", "unknown"));
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void eamProviderRefusesBadHandOffs() throws Exception {
        String authorize = lab.addresses().eamIssuer("conformant") + "/authorize";
        assertThat(get(authorize).statusCode()).isEqualTo(405);
        HttpResponse<String> r = post(authorize, Map.of("scope", "openid"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertNoStackTrace(r);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("scope", "openid");
        f.put("response_type", "id_token");
        f.put("response_mode", "form_post");
        f.put("client_id", lab.directory().eamProvider("conformant").orElseThrow().clientId());
        f.put("redirect_uri", lab.addresses().eamRedirectUri());
        f.put("nonce", "n");
        f.put("id_token_hint", "garbage.garbage.garbage");
        r = post(authorize, f);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id_token_hint");
        assertThat(post(lab.addresses().eamIssuer("conformant") + "/verify", Map.of("attempt", "x")).statusCode()).isEqualTo(400);
        assertAadsts(post(lab.addresses().eamRedirectUri(), Map.of("state", "unknown", "id_token", "x")), 90014);
    }

    @Test
    void partnerCenterRefusesAnExpiredTokenWith401() throws Exception {
        LabSignIn.Outcome o = LabSignIn.interactive(lab, lab.user("aobo-mfa@managed.lab.test").orElseThrow(),
                LabSignIn.PC_SCOPE);
        String at = Jwt.json(LabSignIn.redeem(lab, o, LabSignIn.PC_SCOPE).body()).path("access_token").asText();
        CLOCK.advance(Duration.ofHours(2));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(lab.cloud().partnerCenterApi()
                    + "/v1/customers")).header("Authorization", "Bearer " + at).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(Jwt.json(r.body()).path("description").asText()).contains("expired");
        } finally {
            CLOCK.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void partnerCenterAnswersGarbageWith401Json() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(lab.cloud().partnerCenterApi() + "/v1/customers"))
                .header("Authorization", "Bearer %%%").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode j = Jwt.json(r.body());
        assertThat(j.path("code").asInt()).isEqualTo(401);
        assertNoStackTrace(r);
        assertThat(post(lab.cloud().partnerCenterApi() + "/v1/customers", "x=y").statusCode()).isEqualTo(405);
    }

    static String deflate(String s) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.DeflaterOutputStream(bytes, new java.util.zip.Deflater(java.util.zip.Deflater.DEFLATED, true))) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
