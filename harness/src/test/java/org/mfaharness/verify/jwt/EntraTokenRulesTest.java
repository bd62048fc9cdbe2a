package org.mfaharness.verify.jwt;

import static org.mfaharness.testing.JudgementAssert.assertThat;
import static org.mfaharness.verify.MfaReading.ABSENT;
import static org.mfaharness.verify.MfaReading.PRESENT;
import static org.mfaharness.verify.MfaReading.UNKNOWN;
import static org.mfaharness.verify.MfaReading.WEAK;
import static org.mfaharness.verify.ReasonCode.*;
import static org.mfaharness.verify.Verdict.FAIL;
import static org.mfaharness.verify.Verdict.INCONCLUSIVE;
import static org.mfaharness.verify.Verdict.PASS;
import static org.mfaharness.verify.Verdict.WARN;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mfaharness.lab.sign.JwtSigner;
import org.mfaharness.testing.Judging;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.testing.Tokens;
import org.mfaharness.verify.ArtifactJudgement;

/** Spec (d): Entra id and access tokens — the authoritative artifact. */
class EntraTokenRulesTest {
    static ArtifactJudgement judge(String token) {
        return Judging.judgeOne(token, Judging.trusting());
    }

    static String pcToken(List<String> amr) {
        return Tokens.entra(Tokens.partnerCenterAccessToken(amr));
    }

    @Test
    void aPartnerCenterTokenWithMfaPasses() {
        assertThat(judge(pcToken(List.of("fed", "mfa")))).hasVerdict(PASS).hasMfa(PRESENT)
                .hasFinding(ENTRA_AMR_MFA).hasFinding(TOKEN_SIG_VALID).hasFinding(TOKEN_TIME_OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"pwd\"]", "[\"fed\"]", "[\"wia\"]", "[\"nomfa\"]", "[\"MFA\"]", "[\" mfa\"]", "[\"rsa\",\"pwd\"]"})
    void anAmrWithoutTheExactElementMfaFails(String amrJson) throws Exception {
        List<String> amr = new com.fasterxml.jackson.databind.ObjectMapper().readValue(amrJson,
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
        assertThat(judge(pcToken(amr))).hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(ENTRA_AMR_NO_MFA);
    }

    @Test
    void wiaormfaIsNotMfaAlthoughMicrosoftsSubstringTestWouldPassIt() {
        assertThat(judge(pcToken(List.of("wiaormfa")))).hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(ENTRA_AMR_WIAORMFA);
    }

    @Test
    void ngcmfaAloneIsWeak() {
        assertThat(judge(pcToken(List.of("ngcmfa")))).hasVerdict(WARN).hasMfa(WEAK).hasFinding(ENTRA_AMR_NGCMFA);
    }

    @Test
    void noAmrInAV1TokenFails() {
        assertThat(judge(pcToken(null))).hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(ENTRA_NO_AMR);
    }

    @Test
    void aV2TokenWithoutAmrCannotTell() {
        Map<String, Object> c = Tokens.partnerCenterAccessToken(null);
        c.put("ver", "2.0");
        c.put("iss", "https://login.microsoftonline.com/" + Tokens.TENANT + "/v2.0");
        assertThat(judge(Tokens.entra(c))).hasVerdict(INCONCLUSIVE).hasMfa(UNKNOWN).hasFinding(TOKEN_V2_NO_AMR);
    }

    @Test
    void acrIsNeverTakenForMfa() {
        Map<String, Object> c = Tokens.partnerCenterAccessToken(List.of("pwd"));
        c.put("acr", "1");
        assertThat(judge(Tokens.entra(c))).hasVerdict(FAIL).hasMfa(ABSENT);
    }

    @Test
    void withoutAJwksTheSignatureIsUncheckedAndAPresentClaimIsInconclusive() {
        assertThat(Judging.judgeOne(pcToken(List.of("mfa")), Judging.untrusted()))
                .hasVerdict(INCONCLUSIVE).hasMfa(PRESENT).hasFinding(TOKEN_SIG_UNCHECKED);
    }

    @Test
    void aTokenSignedByAnotherKeyWithTheSameKidFails() {
        JwtSigner impostor = new JwtSigner(new org.mfaharness.lab.sign.SigningKey(TestKeys.OTHER.keyPair(),
                TestKeys.OTHER.certificate(), TestKeys.ENTRA.keyId()));
        assertThat(judge(impostor.sign(Tokens.partnerCenterAccessToken(List.of("mfa"))))).hasVerdict(FAIL).hasFinding(TOKEN_SIG_INVALID);
    }

    @Test
    void anUnknownKidFails() {
        assertThat(judge(new JwtSigner(TestKeys.OTHER).sign(Tokens.partnerCenterAccessToken(List.of("mfa")))))
                .hasVerdict(FAIL).hasFinding(TOKEN_KID_UNKNOWN);
    }

    @Test
    void aTamperedPayloadFailsTheSignature() {
        String t = pcToken(List.of("pwd"));
        String[] p = t.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(p[1])).replace("[\"pwd\"]", "[\"mfa\"]").getBytes());
        assertThat(judge(p[0] + "." + forgedPayload + "." + p[2])).hasVerdict(FAIL).hasMfa(PRESENT).hasFinding(TOKEN_SIG_INVALID);
    }

    @Test
    void algNoneFails() {
        assertThat(judge(Tokens.raw("{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"amr\":[\"mfa\"],\"ver\":\"1.0\"}", "")))
                .hasVerdict(FAIL).hasFinding(JOSE_ALG_NONE);
        assertThat(judge(Tokens.raw("{\"alg\":\"nOnE\"}", "{\"amr\":[\"mfa\"]}", ""))).hasFinding(JOSE_ALG_NONE);
    }

    @Test
    void hmacFails() {
        assertThat(judge(Tokens.raw("{\"alg\":\"HS256\",\"kid\":\"" + TestKeys.ENTRA.keyId() + "\"}", "{\"amr\":[\"mfa\"]}", "c2ln")))
                .hasVerdict(FAIL).hasFinding(JOSE_HMAC_ALG);
    }

    @Test
    void keysInTheHeaderAreRefusedAndNeverUsed() {
        for (String p : List.of("jwk", "jku", "x5u", "x5c")) {
            String header = "{\"alg\":\"RS256\",\"" + p + "\":" + (p.equals("jwk") ? "{\"kty\":\"RSA\"}" : p.equals("x5c") ? "[\"MIIB\"]" : "\"https://127.0.0.1:9/keys\"") + "}";
            assertThat(judge(Tokens.raw(header, "{\"amr\":[\"mfa\"]}", "c2ln"))).hasVerdict(FAIL).hasFinding(JOSE_HEADER_KEY);
        }
    }

    @Test
    void kidTricksAreRefused() {
        for (String kid : List.of("../../dev/null", "x' OR '1'='1", "a".repeat(500), "http://127.0.0.1/k")) {
            assertThat(judge(Tokens.raw("{\"alg\":\"RS256\",\"kid\":" + new com.fasterxml.jackson.databind.ObjectMapper()
                    .valueToTree(kid) + "}", "{\"amr\":[\"mfa\"]}", "c2ln"))).hasVerdict(FAIL).hasFinding(JOSE_KID_INVALID);
        }
    }

    @Test
    void duplicateAmrMembersAreRefusedAndTheReadingIsUnknown() {
        String t = Tokens.raw("{\"alg\":\"RS256\"}", "{\"amr\":[\"pwd\"],\"amr\":[\"mfa\"],\"ver\":\"1.0\"}", "c2ln");
        assertThat(judge(t)).hasVerdict(FAIL).hasMfa(UNKNOWN).hasFinding(JOSE_DUPLICATE_MEMBER).hasFinding(TOKEN_AMR_MALFORMED);
    }

    @Test
    void duplicateHeaderMembersAreRefused() {
        assertThat(judge(Tokens.raw("{\"alg\":\"RS256\",\"alg\":\"none\"}", "{\"amr\":[\"mfa\"]}", "c2ln")))
                .hasFinding(JOSE_DUPLICATE_MEMBER);
    }

    @Test
    void amrThatIsNotAnArrayOfStringsIsRefused() {
        assertThat(judge(Tokens.raw("{\"alg\":\"RS256\"}", "{\"amr\":\"mfa\"}", "c2ln"))).hasVerdict(FAIL).hasFinding(TOKEN_AMR_MALFORMED);
        assertThat(judge(Tokens.raw("{\"alg\":\"RS256\"}", "{\"amr\":[1,{\"mfa\":true}]}", "c2ln"))).hasFinding(TOKEN_AMR_MALFORMED);
    }

    @Test
    void aGraphTokenWithAHeaderNonceIsDecodeOnlyAndAtMostInconclusive() {
        Map<String, Object> c = Tokens.partnerCenterAccessToken(List.of("mfa"));
        c.put("aud", "00000003-0000-0000-c000-000000000000");
        String t = Tokens.ENTRA.sign(c, Map.of("nonce", "abc"));
        assertThat(judge(t)).hasVerdict(INCONCLUSIVE).hasMfa(PRESENT).hasFinding(TOKEN_UNVERIFIABLE_MS_API).hasNoFinding(TOKEN_SIG_VALID);
    }

    @Test
    void aPartnerCenterTokenWithAHeaderNonceIsSuspicious() {
        String t = Tokens.ENTRA.sign(Tokens.partnerCenterAccessToken(List.of("mfa")), Map.of("nonce", "abc"));
        assertThat(judge(t)).hasFinding(TOKEN_PC_NONCE_HEADER).hasVerdict(INCONCLUSIVE);
    }

    @Test
    void anExpiredTokenFailsAndIsJudgedAtItsOwnTimeWithAt() {
        Map<String, Object> c = Tokens.partnerCenterAccessToken(List.of("mfa"));
        Instant then = Instant.parse("2021-03-01T12:00:00Z");
        c.put("iat", then.getEpochSecond());
        c.put("nbf", then.getEpochSecond());
        c.put("exp", then.plus(Duration.ofHours(1)).getEpochSecond());
        String t = Tokens.entra(c);
        assertThat(judge(t)).hasVerdict(FAIL).hasFinding(TOKEN_EXPIRED);
        assertThat(Judging.judgeOne(t, Judging.trusting().at(then.plus(Duration.ofMinutes(10))))).hasVerdict(PASS);
    }

    @Test
    void theTenantIsCheckedWhenGiven() {
        assertThat(judge(pcToken(List.of("mfa")))).hasNotChecked(TOKEN_TENANT_MISMATCH);
        assertThat(Judging.judgeOne(pcToken(List.of("mfa")), Judging.trusting().withTenant("00000000-0000-0000-0000-000000000001")))
                .hasVerdict(FAIL).hasFinding(TOKEN_TENANT_MISMATCH);
        assertThat(Judging.judgeOne(pcToken(List.of("mfa")), Judging.trusting().withTenant(Tokens.TENANT))).hasVerdict(PASS);
    }

    @Test
    void anIssuerOfAnotherCloudWarns() {
        assertThat(Judging.judgeOne(pcToken(List.of("mfa")), Judging.trusting().withCloud(org.mfaharness.cloud.CloudProfile.CHINA)))
                .hasFinding(TOKEN_ISSUER_NOT_ENTRA).hasVerdict(WARN);
    }

    @Test
    void tokensAreFoundInEveryTransport() {
        String t = pcToken(List.of("mfa"));
        assertThat(judge("Authorization: Bearer " + t)).hasVerdict(PASS);
        assertThat(judge("access_token=" + t + "&token_type=Bearer")).hasVerdict(PASS);
        assertThat(judge("#access_token=" + t)).hasVerdict(PASS);
    }

    @Test
    void aTokenResponseIsJudgedByItsAccessTokenNotItsV2IdToken() {
        Map<String, Object> id = Tokens.partnerCenterAccessToken(null);
        id.put("ver", "2.0");
        id.remove("scp");
        id.put("aud", "04b07795-8ddb-461a-bbee-02f9e1bf7b46");
        String json = "{\"token_type\":\"Bearer\",\"access_token\":\"" + pcToken(List.of("fed", "mfa"))
                + "\",\"id_token\":\"" + Tokens.entra(id) + "\",\"refresh_token\":\"0.AXw-secret\"}";
        var c = Judging.judge(json, Judging.trusting());
        assertThat(c).hasVerdict(PASS).hasMfa(PRESENT);
        org.assertj.core.api.Assertions.assertThat(c.hops()).hasSize(2);
    }
}
