package org.mfaharness.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lab Entra's protocol surface with the form-following agent: discovery (v1/v2 issuers) and keys, login_hint,
 * form_post, bad passwords (50126), failed TOTP (50074), the device-code flow including a failed sign-in reaching
 * the poll, the v1 {@code resource} parameter and a tenant-specific authority.
 */
class EntraProtocolTest {
    static Lab lab;

    @BeforeAll
    static void start() {
        lab = Lab.builder().start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static FormAgent agent() {
        return new FormAgent(lab.sslContext(), u -> u.startsWith("http://localhost:1/"));
    }

    static String authorize(Map<String, String> extra) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", LabSignIn.AZURE_CLI);
        q.put("response_type", "code");
        q.put("redirect_uri", LabSignIn.REDIRECT);
        q.put("scope", LabSignIn.PC_SCOPE + " openid");
        q.putAll(extra);
        return lab.addresses().loginBase() + "/organizations/oauth2/v2.0/authorize?" + FormAgent.encode(q);
    }

    @Test
    void discoveryPublishesV1AndV2IssuersAndTheSigningKeyWithX5c() {
        String tid = lab.user("otp@managed.lab.test").orElseThrow().tenantId();
        FormAgent a = agent();
        JsonNode v2 = Jwt.json(a.get(lab.addresses().loginBase() + "/" + tid + "/v2.0/.well-known/openid-configuration").body());
        assertThat(v2.path("issuer").asText()).isEqualTo(lab.cloud().v2Issuer(tid));
        assertThat(v2.path("device_authorization_endpoint").asText()).endsWith("/" + tid + "/oauth2/v2.0/devicecode");
        JsonNode v1 = Jwt.json(a.get(lab.addresses().loginBase() + "/" + tid + "/.well-known/openid-configuration").body());
        assertThat(v1.path("issuer").asText()).isEqualTo(lab.cloud().v1Issuer(tid));
        JsonNode keys = Jwt.json(a.get(v2.path("jwks_uri").asText()).body()).path("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).path("x5c")).hasSize(1);
        assertThat(keys.get(0).path("kid").asText()).isNotEmpty();
        JsonNode byDomain = Jwt.json(a.get(lab.addresses().loginBase()
                + "/managed.lab.test/v2.0/.well-known/openid-configuration").body());
        assertThat(byDomain.path("issuer").asText()).isEqualTo(lab.cloud().v2Issuer(tid));
    }

    @Test
    void loginHintSkipsTheUserNamePageAndFormPostDeliversTheCodeByPost() {
        LabUser u = lab.user("user@wsfed-wstrust13.lab.test").orElseThrow();
        FormAgent a = agent();
        FormAgent.Page p = a.get(authorize(Map.of("login_hint", u.upn(), "response_mode", "form_post", "state", "s1")));
        assertThat(p.has("userNameInput")).as("straight to the IdP").isTrue();
        assertThat(a.hops.get(1).query().get("username")).isEqualTo(u.upn());
        LabSignIn.Outcome o = LabSignIn.drive(a, p, u, "s1", null);
        FormAgent.Hop last = o.hops().get(o.hops().size() - 1);
        assertThat(last.method()).isEqualTo("POST");
        assertThat(last.form()).containsKey("code").containsEntry("state", "s1");
    }

    @Test
    void aWrongPasswordShows50126AndThreeWrongCodesEnd50074() {
        LabUser u = lab.user("otp@managed.lab.test").orElseThrow();
        FormAgent a = agent();
        FormAgent.Page p = a.get(authorize(Map.of("login_hint", u.upn())));
        assertThat(p.has("i0118")).isTrue();
        p = a.submit(p, "i0118", Map.of("passwd", "wrong"));
        assertThat(p.has("passwordError")).isTrue();
        assertThat(p.body()).contains("AADSTS50126");
        p = a.submit(p, "i0118", Map.of("passwd", u.password()));
        assertThat(p.has("idTxtBx_SAOTCC_OTC")).as("Entra's own MFA page").isTrue();
        String wrong = wrongCode(u);
        for (int i = 0; i < 2; i++) {
            p = a.submit(p, "idTxtBx_SAOTCC_OTC", Map.of("otc", wrong));
            assertThat(p.has("idSpan_SAOTCC_Error_OTC")).isTrue();
        }
        p = a.submit(p, "idTxtBx_SAOTCC_OTC", Map.of("otc", wrong));
        assertThat(p.body()).contains("AADSTS50074: ");
    }

    /** A six-digit code that is none of the codes valid within the ±1 window. */
    static String wrongCode(LabUser u) {
        org.mfaharness.totp.Totp t = org.mfaharness.totp.Totp.fromBase32(u.totpSeed());
        long now = t.counterAt(java.time.Instant.now());
        java.util.Set<String> valid = new java.util.HashSet<>();
        for (long c = now - 2; c <= now + 2; c++) {
            valid.add(t.codeForCounter(c));
        }
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", i);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }

    @Test
    void deviceCodeFlowIssuesTokensAfterTheDeviceLoginAndOnlyOnce() {
        LabUser u = lab.user("user@saml-noclaim-accept.lab.test").orElseThrow();
        Map<String, String> dc = Map.of("client_id", LabSignIn.AZURE_CLI, "scope", LabSignIn.PC_SCOPE + " offline_access");
        FormAgent a = agent();
        HttpResponse<String> r = a.send("POST", lab.addresses().loginBase() + "/organizations/oauth2/v2.0/devicecode", dc);
        JsonNode d = Jwt.json(r.body());
        assertThat(d.path("message").asText()).contains(d.path("user_code").asText());
        FormAgent.Page p = a.get(d.path("verification_uri").asText());
        assertThat(p.has("otc")).isTrue();
        p = a.submit(p, "otc", Map.of("otc", d.path("user_code").asText().toLowerCase()));
        LabSignIn.Outcome o = LabSignIn.drive(a, p, u, null, null);
        assertThat(o.last().has("deviceAuthDone")).isTrue();
        Map<String, String> poll = Map.of("client_id", LabSignIn.AZURE_CLI, "grant_type",
                "urn:ietf:params:oauth:grant-type:device_code", "device_code", d.path("device_code").asText());
        HttpResponse<String> t = LabSignIn.tokenRequest(lab, "organizations", poll);
        assertThat(t.statusCode()).isEqualTo(200);
        assertThat(Jwt.amr(Jwt.json(t.body()).path("access_token").asText())).containsExactly("fed", "otp", "mfa");
        assertThat(LabSignIn.tokenRequest(lab, "organizations", poll).statusCode()).isEqualTo(400);
    }

    @Test
    void aDeviceLoginThatFailsReportsItsAadstsCodeToThePoll() {
        LabUser u = lab.user("user@saml-attributes-enforce.lab.test").orElseThrow();
        FormAgent a = agent();
        JsonNode d = Jwt.json(a.send("POST", lab.addresses().loginBase() + "/organizations/oauth2/v2.0/devicecode",
                Map.of("client_id", LabSignIn.AZURE_CLI, "scope", LabSignIn.PC_SCOPE)).body());
        FormAgent.Page p = a.submit(a.get(d.path("verification_uri").asText()), "otc", Map.of("otc", d.path("user_code").asText()));
        LabSignIn.Outcome o = LabSignIn.drive(a, p, u, null, null);
        assertThat(o.aadsts()).contains("AADSTS50079");
        HttpResponse<String> t = LabSignIn.tokenRequest(lab, "organizations", Map.of("client_id", LabSignIn.AZURE_CLI,
                "grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", d.path("device_code").asText()));
        assertThat(Jwt.json(t.body()).path("error_codes").get(0).asInt()).isEqualTo(50079);
    }

    @Test
    void theV1EndpointTakesTheResourceParameter() {
        LabUser u = lab.user("user@wsfed-attr-amr.lab.test").orElseThrow();
        FormAgent a = agent();
        String url = lab.addresses().loginBase() + "/" + u.tenantId() + "/oauth2/authorize?client_id=" + LabSignIn.AZURE_CLI
                + "&response_type=code&redirect_uri=" + URLEncoder.encode(LabSignIn.REDIRECT, StandardCharsets.UTF_8)
                + "&resource=" + URLEncoder.encode("https://api.partnercenter.lab.test", StandardCharsets.UTF_8);
        LabSignIn.Outcome o = LabSignIn.drive(a, a.get(url), u, null, null);
        HttpResponse<String> t = a.send("POST", lab.addresses().loginBase() + "/" + u.tenantId() + "/oauth2/token",
                Map.of("client_id", LabSignIn.AZURE_CLI, "grant_type", "authorization_code", "code", o.code().orElseThrow(),
                        "redirect_uri", LabSignIn.REDIRECT, "resource", "https://api.partnercenter.lab.test"));
        assertThat(t.statusCode()).as(t.body()).isEqualTo(200);
        JsonNode c = Jwt.claims(Jwt.json(t.body()).path("access_token").asText());
        assertThat(c.path("aud").asText()).isEqualTo("https://api.partnercenter.lab.test");
        assertThat(Jwt.amr(Jwt.json(t.body()).path("access_token").asText())).containsExactly("fed", "mfa");
    }

    @Test
    void aUserOfAnotherTenantIsRefusedWith50020AndTwoResourcesWith28000() {
        String tailspin = "7b1e9d44-2c3a-4f5e-9a8b-1c6d0e2f3a51";
        FormAgent a = agent();
        String url = lab.addresses().loginBase() + "/" + tailspin + "/oauth2/v2.0/authorize?client_id=" + LabSignIn.AZURE_CLI
                + "&response_type=code&redirect_uri=" + URLEncoder.encode(LabSignIn.REDIRECT, StandardCharsets.UTF_8)
                + "&login_hint=admin@northwind.lab.test";
        FormAgent.Page p = a.get(url);
        assertThat(p.body()).contains("AADSTS50020: ").contains(tailspin);
        p = a.get(authorize(Map.of("scope", LabSignIn.PC_SCOPE + " " + LabSignIn.GRAPH_SCOPE)));
        assertThat(p.body()).contains("AADSTS28000: ");
        p = a.get(authorize(Map.of("scope", "https://unknown.lab.test/x")));
        assertThat(p.body()).contains("AADSTS500011: ");
    }
}
