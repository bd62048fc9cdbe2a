package org.mfaharness.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every federatedIdpMfaBehavior x IdP behaviour of the default configuration, signed in for the Partner Center
 * resource (whose policy demands MFA) with the form-following agent: the token's amr or the AADSTS code match the
 * spec's section 2 table, and the traffic shows who did the MFA (wauth to the IdP, the IdP's /mfa page, Entra's SAS
 * endpoints, the EAM provider's /verify).
 */
class FederatedMfaBehaviorMatrixTest {
    static Lab lab;

    @BeforeAll
    static void start() {
        lab = Lab.builder().start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            user@wsfed-claim-enforce.lab.test       | fed mfa     | wauth | idp-mfa  | -
            user@wsfed-noclaim-accept.lab.test      | fed otp mfa | -     | idp-mfa  | entra-mfa
            user@wsfed-noclaim-enforce.lab.test     | 50079       | wauth | idp-mfa  | -
            user@wsfed-reject.lab.test              | fed otp mfa | -     | idp-mfa  | entra-mfa
            user@wsfed-false-positive.lab.test      | fed mfa     | wauth | -        | -
            user@wsfed-attr-authmethod.lab.test     | fed mfa     | wauth | idp-mfa  | -
            user@wsfed-attr-amr.lab.test            | fed mfa     | wauth | idp-mfa  | -
            user@wsfed-https-typo.lab.test          | 50079       | wauth | idp-mfa  | -
            user@wsfed-wiaormultiauthn.lab.test     | fed wiaormfa| wauth | -        | -
            user@wsfed-wauth-ignored.lab.test       | 50079       | wauth | -        | -
            user@wsfed-unsigned.lab.test            | 50008       | wauth | idp-mfa  | -
            user@wsfed-wrong-key.lab.test           | 50008       | wauth | idp-mfa  | -
            user@wsfed-wrong-audience.lab.test      | 50008       | wauth | idp-mfa  | -
            user@wsfed-expired.lab.test             | 50008       | wauth | idp-mfa  | -
            user@wsfed-sha1.lab.test                | fed mfa     | wauth | idp-mfa  | -
            user@wsfed-wstrust13.lab.test           | fed mfa     | wauth | idp-mfa  | -
            user@wsfed-legacy-supportsmfa.lab.test  | fed mfa     | wauth | idp-mfa  | -
            user@saml-classref-enforce.lab.test     | fed mfa     | wauth | idp-mfa  | -
            user@saml-attributes-enforce.lab.test   | 50079       | wauth | idp-mfa  | -
            user@saml-noclaim-accept.lab.test       | fed otp mfa | -     | idp-mfa  | entra-mfa
            user@saml-reject.lab.test               | fed otp mfa | -     | idp-mfa  | entra-mfa
            user@saml-unsigned.lab.test             | 50008       | wauth | idp-mfa  | -
            user@wsfed-claim-accept.lab.test        | fed mfa     | -     | idp-mfa  | -
            user@wsfed-noclaim-reject.lab.test      | fed otp mfa | -     | -        | entra-mfa
            user@saml-classref-accept.lab.test      | fed mfa     | -     | idp-mfa  | -
            user@saml-noclaim-reject.lab.test       | fed otp mfa | -     | -        | entra-mfa
            otp@managed.lab.test                    | pwd otp mfa | -     | -        | entra-mfa
            blocked@managed.lab.test                | 53003       | -     | -        | -
            conformant@eam-users.lab.test           | pwd mfa     | -     | eam      | -
            amr-mfa@eam-users.lab.test              | 50161       | -     | eam      | -
            two-amr@eam-users.lab.test              | 50161       | -     | eam      | -
            sub-oid@eam-users.lab.test              | 50027       | -     | eam      | -
            no-nonce@eam-users.lab.test             | 50027       | -     | eam      | -
            issuer-slash@eam-users.lab.test         | 50027       | -     | eam      | -
            no-x5c@eam-users.lab.test               | 50161       | -     | -        | -
            denied@eam-users.lab.test               | 50158       | -     | -        | -
            nomfa@tailspin.lab.test                 | pwd         | -     | -        | -
            """)
    void signInForPartnerCenterGivesTheDocumentedAmrOrError(String upn, String expected, String wauth,
                                                            String secondFactor, String entraMfa) {
        LabUser user = lab.user(upn).orElseThrow();
        LabSignIn.Outcome o = LabSignIn.interactive(lab, user, LabSignIn.PC_SCOPE);

        if (expected.matches("\\d+")) {
            assertThat(o.aadsts()).as("AADSTS error of " + upn).contains("AADSTS" + expected);
            assertThat(o.last().body()).contains("AADSTS" + expected + ": ");
        } else {
            assertThat(o.aadsts()).as("no error for " + upn).isEmpty();
            var response = LabSignIn.redeem(lab, o, LabSignIn.PC_SCOPE);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = Jwt.json(response.body());
            String at = body.path("access_token").asText();
            JsonNode claims = Jwt.claims(at);
            assertThat(Jwt.amr(at)).as("amr of " + upn).containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
            assertThat(claims.path("aud").asText()).isEqualTo("https://api.partnercenter.lab.test");
            assertThat(claims.path("ver").asText()).isEqualTo("1.0");
            assertThat(claims.path("iss").asText()).isEqualTo(lab.cloud().v1Issuer(user.tenantId()));
            assertThat(claims.path("tid").asText()).isEqualTo(user.tenantId());
            assertThat(claims.path("oid").asText()).isEqualTo(user.objectId());
            assertThat(claims.path("upn").asText()).isEqualTo(upn);
            assertThat(claims.path("scp").asText()).isEqualTo("user_impersonation");
            assertThat(claims.path("appid").asText()).isEqualTo(LabSignIn.AZURE_CLI);
            if (user.protocol().equals("wsfed") || user.protocol().equals("saml2")) {
                assertThat(claims.path("idp").asText()).isEqualTo(user.idpIssuer());
            } else {
                assertThat(claims.has("idp")).isFalse();
            }
            JsonNode id = Jwt.claims(body.path("id_token").asText());
            assertThat(id.path("ver").asText()).isEqualTo("2.0");
            assertThat(id.has("amr")).as("v2 id tokens carry no amr").isFalse();
            assertThat(id.path("iss").asText()).isEqualTo(lab.cloud().v2Issuer(user.tenantId()));
        }

        List<FormAgent.Hop> idpRequests = o.hops().stream()
                .filter(h -> h.path().equals("/adfs/ls/") && "GET".equals(h.method()) || h.path().equals("/saml2/sso"))
                .toList();
        boolean askedMfa = idpRequests.stream().anyMatch(h ->
                "http://schemas.microsoft.com/claims/multipleauthn".equals(h.query().get("wauth"))
                        || h.path().equals("/saml2/sso") && inflate(h.query().get("SAMLRequest")).contains("RequestedAuthnContext"));
        assertThat(askedMfa).as("Entra asked the IdP for MFA").isEqualTo(wauth.equals("wauth"));
        if (expected.equals("50079")) {
            assertThat(idpRequests).as("enforce sends the user back to the IdP before 50079").hasSize(2);
        }
        boolean idpSecondFactor = o.sawPath("/adfs/ls/mfa") || o.sawPath("/saml2/mfa");
        assertThat(idpSecondFactor).as("second factor at the IdP").isEqualTo(secondFactor.equals("idp-mfa"));
        assertThat(o.sawPath("/verify")).as("second factor at the EAM provider").isEqualTo(secondFactor.equals("eam"));
        boolean sas = o.sawPath("/common/SAS/BeginAuth") && o.sawPath("/common/SAS/EndAuth")
                && o.sawPath("/common/SAS/ProcessAuth");
        assertThat(sas).as("Entra's own MFA (SAS endpoints)").isEqualTo(entraMfa.equals("entra-mfa"));
    }

    static String inflate(String b64) {
        try (var in = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(b64)), new java.util.zip.Inflater(true))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
