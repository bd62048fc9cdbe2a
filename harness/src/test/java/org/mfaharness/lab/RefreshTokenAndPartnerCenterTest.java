package org.mfaharness.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens remember the MFA state of the sign-in that minted them (spec section 5), the Partner Center API
 * answers 200 or 401/900421 by the token's amr, and the AOBO flow into the customer tenant demands the partner's MFA.
 */
class RefreshTokenAndPartnerCenterTest {
    static final String CUSTOMER = "c5d0a7e2-8f14-4b6c-a3d9-5e7f1b2c4d60";
    static final String PARTNER = "3f2c8a1e-5b7d-4e9a-8c21-0d4b6e9f7a10";
    static Lab lab;

    @BeforeAll
    static void start() {
        lab = Lab.builder().start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static JsonNode signIn(String upn, String scope) {
        LabSignIn.Outcome o = LabSignIn.interactive(lab, lab.user(upn).orElseThrow(), scope);
        HttpResponse<String> r = LabSignIn.redeem(lab, o, scope);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Jwt.json(r.body());
    }

    static HttpResponse<String> refresh(String tenant, String refreshToken, String scope) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("client_id", LabSignIn.AZURE_CLI);
        f.put("grant_type", "refresh_token");
        f.put("refresh_token", refreshToken);
        f.put("scope", scope + " openid profile offline_access");
        return LabSignIn.tokenRequest(lab, tenant, f);
    }

    static HttpResponse<String> call(String base, String path, String accessToken) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(lab.sslContext()).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("ValidateMfa", "true");
        if (accessToken != null) {
            b.header("Authorization", "Bearer " + accessToken);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refreshTokenMintedWithoutMfaIsRefusedForPartnerCenterWith50076WhenPolicyDemandsMfa() {
        JsonNode graph = signIn("rt-graph@managed.lab.test", LabSignIn.GRAPH_SCOPE);
        assertThat(Jwt.amr(graph.path("access_token").asText())).containsExactly("pwd");
        assertThat(Jwt.claims(graph.path("access_token").asText()).path("aud").asText()).isEqualTo("https://graph.lab.test");

        HttpResponse<String> r = refresh("organizations", graph.path("refresh_token").asText(), LabSignIn.PC_SCOPE);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = Jwt.json(r.body());
        assertThat(e.path("error").asText()).isEqualTo("invalid_grant");
        assertThat(e.path("suberror").asText()).isEqualTo("basic_action");
        assertThat(e.path("error_codes").get(0).asInt()).isEqualTo(50076);
        assertThat(e.path("error_description").asText()).startsWith("AADSTS50076: ")
                .contains("https://api.partnercenter.lab.test").contains("Trace ID: ").contains("Correlation ID: ");
        assertThat(e.path("trace_id").asText()).isNotEmpty();
        assertThat(e.path("correlation_id").asText()).isNotEmpty();
        assertThat(e.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void refreshTokenMintedWithoutMfaYieldsPartnerCenterTokenWithoutMfaWhenNoPolicyAndTheApiAnswers900421() throws Exception {
        JsonNode graph = signIn("rt-graph@tailspin.lab.test", LabSignIn.GRAPH_SCOPE);
        HttpResponse<String> r = refresh("organizations", graph.path("refresh_token").asText(), LabSignIn.PC_SCOPE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String at = Jwt.json(r.body()).path("access_token").asText();
        assertThat(Jwt.amr(at)).containsExactly("pwd");
        assertThat(Jwt.claims(at).path("aud").asText()).isEqualTo("https://api.partnercenter.lab.test");

        HttpResponse<String> pc = call(lab.cloud().partnerCenterApi(), "/v1/customers", at);
        assertThat(pc.statusCode()).isEqualTo(401);
        assertThat(Jwt.json(pc.body()).path("code").asInt()).isEqualTo(900421);
        assertThat(pc.headers().firstValue("isMfaCompliant")).contains("false");
    }

    @Test
    void partnerCenterAnswers200ToAnMfaTokenAndListsTheCustomersAndTheMfaAdoptionEndpoints() throws Exception {
        JsonNode t = signIn("pc-call@managed.lab.test", LabSignIn.PC_SCOPE);
        String at = t.path("access_token").asText();
        assertThat(Jwt.amr(at)).contains("mfa");
        String pcBase = lab.cloud().partnerCenterApi();
        HttpResponse<String> customers = call(pcBase, "/v1/customers", at);
        assertThat(customers.statusCode()).isEqualTo(200);
        assertThat(customers.headers().firstValue("isMfaCompliant")).contains("true");
        JsonNode items = Jwt.json(customers.body()).path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("companyProfile").path("tenantId").asText()).isEqualTo(CUSTOMER);

        JsonNode requests = Jwt.json(call(pcBase, "/v1/partnerRequests", at).body()).path("items");
        assertThat(requests.get(0).path("upn").asText()).isEqualTo("pc-call@managed.lab.test");
        assertThat(requests.get(0).path("mfaCompliant").asBoolean()).isTrue();
        JsonNode adoption = Jwt.json(call(pcBase, "/v1/applicationmfaadoptionstatus", at).body()).path("items");
        assertThat(adoption.get(0).path("applicationId").asText()).isEqualTo(LabSignIn.AZURE_CLI);
        assertThat(adoption.get(0).path("totalRequestCount").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(call(pcBase, "/v1/nonMfaCompliantPartnerPrincipals", at).statusCode()).isEqualTo(200);
    }

    @Test
    void partnerCenterMatchesMfaExactlySoAWiaormfaTokenGets900421() throws Exception {
        JsonNode t = signIn("user@wsfed-wiaormultiauthn.lab.test", LabSignIn.PC_SCOPE);
        String at = t.path("access_token").asText();
        assertThat(Jwt.amr(at)).containsExactly("fed", "wiaormfa");
        HttpResponse<String> pc = call(lab.cloud().partnerCenterApi(), "/v1/customers", at);
        assertThat(pc.statusCode()).isEqualTo(401);
        assertThat(Jwt.json(pc.body()).path("code").asInt()).isEqualTo(900421);
        assertThat(pc.headers().firstValue("WWW-Authenticate").orElse("")).contains("insufficient_claims");
    }

    @Test
    void partnerCenterRefusesMissingForgedAndWrongAudienceTokensWith401() throws Exception {
        String pcBase = lab.cloud().partnerCenterApi();
        assertThat(call(pcBase, "/v1/customers", null).statusCode()).isEqualTo(401);
        assertThat(call(pcBase, "/v1/customers", "not.a.jwt").statusCode()).isEqualTo(401);
        JsonNode graph = signIn("otp@managed.lab.test", LabSignIn.GRAPH_SCOPE);
        HttpResponse<String> wrongAud = call(pcBase, "/v1/customers", graph.path("access_token").asText());
        assertThat(wrongAud.statusCode()).isEqualTo(401);
        assertThat(Jwt.json(wrongAud.body()).path("description").asText()).contains("audience");
        String at = graph.path("access_token").asText();
        String[] p = at.split("\\.");
        String forged = p[0] + "." + p[1] + "." + new StringBuilder(p[2]).reverse();
        assertThat(call(pcBase, "/v1/customers", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void aoboRefreshTokenWithMfaIsRedeemedInTheCustomerTenantAndTheCustomerResourceAnswers() throws Exception {
        JsonNode t = signIn("aobo-mfa@managed.lab.test", LabSignIn.PC_SCOPE);
        HttpResponse<String> r = refresh(CUSTOMER, t.path("refresh_token").asText(), "https://management.lab.test/user_impersonation");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String at = Jwt.json(r.body()).path("access_token").asText();
        JsonNode c = Jwt.claims(at);
        assertThat(c.path("tid").asText()).isEqualTo(CUSTOMER);
        assertThat(c.path("iss").asText()).isEqualTo(lab.cloud().v1Issuer(CUSTOMER));
        assertThat(c.path("idp").asText()).isEqualTo(lab.cloud().v1Issuer(PARTNER));
        assertThat(Jwt.amr(at)).contains("mfa");
        HttpResponse<String> subs = call(lab.cloud().partnerCenterApi(), "/subscriptions", at);
        assertThat(subs.statusCode()).isEqualTo(200);
        assertThat(Jwt.json(subs.body()).path("value").get(0).path("tenantId").asText()).isEqualTo(CUSTOMER);
    }

    @Test
    void aoboRefreshTokenWithoutMfaIsRefusedByTheCustomerTenantWith50076() {
        JsonNode t = signIn("aobo-nomfa@managed.lab.test", LabSignIn.GRAPH_SCOPE);
        HttpResponse<String> r = refresh(CUSTOMER, t.path("refresh_token").asText(), "https://management.lab.test/user_impersonation");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jwt.json(r.body()).path("error_codes").get(0).asInt()).isEqualTo(50076);
    }

    @Test
    void aRefreshTokenKeepsTheAmrOfItsSignIn() {
        JsonNode t = signIn("user@saml-noclaim-accept.lab.test", LabSignIn.PC_SCOPE);
        HttpResponse<String> r = refresh("organizations", t.path("refresh_token").asText(), LabSignIn.GRAPH_SCOPE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Jwt.amr(Jwt.json(r.body()).path("access_token").asText())).containsExactly("fed", "otp", "mfa");
    }
}
