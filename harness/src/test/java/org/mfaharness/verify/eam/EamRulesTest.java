package org.mfaharness.verify.eam;

import static org.mfaharness.testing.JudgementAssert.assertThat;
import static org.mfaharness.verify.MfaReading.ABSENT;
import static org.mfaharness.verify.MfaReading.PRESENT;
import static org.mfaharness.verify.ReasonCode.*;
import static org.mfaharness.verify.Verdict.FAIL;
import static org.mfaharness.verify.Verdict.PASS;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.Origin;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.testing.Judging;
import org.mfaharness.testing.Tokens;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.chain.ChainJudge;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.EamDiscovery;
import org.mfaharness.verify.trust.Jwks;
import org.mfaharness.verify.trust.TrustMaterial;

/**
 * Spec (c): Entra's EAM request, the provider's form_post and its id_token, as a captured exchange pair. The
 * request is Entra's (hint signed by the test Entra key); the response is the provider's (test EAM key).
 */
class EamRulesTest {
    static final String CLIENT_ID = "600b719b-3766-4dc5-95a6-3c4a8dc31885";
    static final String PROVIDER = "https://eam.contoso-mfa.test";
    static final String NONCE = "n-0S6_WzA2Mj";
    static final String STATE = "st-12345";
    static final String HINT_SUB = "mBfcvuhSHkDWVgV72x2ruIYdSsPSvcj2R0qfc6mGEAA";
    static final String OID = "951ddb04-b16d-45f3-bbf7-b0fa18fa7aee";
    static final String CLAIMS = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"possessionorinherence\"]},"
            + "\"amr\":{\"essential\":true,\"values\":[\"face\",\"fido\",\"fpt\",\"hwk\",\"iris\",\"otp\",\"pop\",\"retina\",\"sc\",\"sms\",\"swk\",\"tel\",\"vbm\"]}}}";

    static String hint() {
        Map<String, Object> c = new LinkedHashMap<>();
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        c.put("ver", "2.0");
        c.put("iss", "https://login.microsoftonline.com/" + Tokens.TENANT + "/v2.0");
        c.put("sub", HINT_SUB);
        c.put("aud", CLIENT_ID);
        c.put("exp", past.getEpochSecond());
        c.put("iat", past.getEpochSecond());
        c.put("nbf", past.getEpochSecond());
        c.put("oid", OID);
        c.put("tid", Tokens.TENANT);
        c.put("preferred_username", "alice@contoso.test");
        return Tokens.entra(c);
    }

    static Map<String, Object> conformantIdToken() {
        Map<String, Object> c = new LinkedHashMap<>();
        Instant now = Instant.now();
        c.put("iss", PROVIDER);
        c.put("aud", CLIENT_ID);
        c.put("sub", HINT_SUB);
        c.put("nonce", NONCE);
        c.put("iat", now.getEpochSecond());
        c.put("exp", now.plus(Duration.ofMinutes(5)).getEpochSecond());
        c.put("acr", "possessionorinherence");
        c.put("amr", List.of("otp"));
        return c;
    }

    static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    static ChainJudgement judgeExchange(Map<String, Object> idToken, String state, JudgeOptions o) {
        ArtifactDetector d = new ArtifactDetector(o.cloud(), null);
        List<Artifact> all = new ArrayList<>();
        Map<String, String> request = new LinkedHashMap<>();
        request.put("scope", "openid");
        request.put("response_type", "id_token");
        request.put("response_mode", "form_post");
        request.put("client_id", CLIENT_ID);
        request.put("redirect_uri", "https://login.microsoftonline.com/common/federation/externalauthprovider");
        request.put("nonce", NONCE);
        request.put("state", STATE);
        request.put("claims", CLAIMS);
        request.put("id_token_hint", hint());
        all.addAll(d.fromForm(org.mfaharness.artifact.http.FormBody.parse(form(request)),
                new Origin(3, null, "POST", PROVIDER + "/authorize", null, "request")));
        Map<String, String> response = new LinkedHashMap<>();
        if (idToken != null) {
            response.put("id_token", Tokens.EAM.sign(idToken));
        }
        response.put("state", state);
        all.addAll(d.fromForm(org.mfaharness.artifact.http.FormBody.parse(form(response)),
                new Origin(5, null, "POST", "https://login.microsoftonline.com/common/federation/externalauthprovider", null, "request")));
        return new ChainJudge(o).judge(all);
    }

    static JudgeOptions withProviderKeys() throws Exception {
        var entra = Jwks.parse(Tokens.entraJwks(), "entra");
        var provider = Jwks.parse(Tokens.EAM.jwksJson(), "provider");
        var discovery = new EamDiscovery(PROVIDER + "/.well-known/openid-configuration", new ObjectMapper().readTree(
                "{\"issuer\":\"" + PROVIDER + "\",\"authorization_endpoint\":\"" + PROVIDER + "/authorize\",\"jwks_uri\":\"" + PROVIDER
                        + "/keys\",\"response_types_supported\":[\"id_token\"],\"scopes_supported\":[\"openid\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"subject_types_supported\":[\"public\"]}"));
        return Judging.trusting().withTrust(new TrustMaterial(List.of(), null, entra, provider, discovery));
    }

    @Test
    void aConformantProviderSatisfiesMfa() throws Exception {
        ChainJudgement c = judgeExchange(conformantIdToken(), STATE, withProviderKeys());
        assertThat(c).hasVerdict(PASS).hasMfa(PRESENT).hasFinding(EAM_OK).hasFinding(EAM_SIG_VALID).hasFinding(EAM_HINT_OK)
                .hasNoFinding(EAM_HINT_SIG);
    }

    @Test
    void amrMfaIsNotAnEamMethod() throws Exception {
        Map<String, Object> t = conformantIdToken();
        t.put("amr", List.of("mfa"));
        assertThat(judgeExchange(t, STATE, withProviderKeys())).hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(EAM_AMR_UNSUPPORTED);
    }

    @Test
    void twoAmrValuesFail() throws Exception {
        Map<String, Object> t = conformantIdToken();
        t.put("amr", List.of("otp", "sms"));
        assertThat(judgeExchange(t, STATE, withProviderKeys())).hasVerdict(FAIL).hasFinding(EAM_AMR_COUNT);
    }

    @Test
    void amrAsAStringFails() throws Exception {
        Map<String, Object> t = conformantIdToken();
        t.put("amr", "otp");
        assertThat(judgeExchange(t, STATE, withProviderKeys())).hasFinding(EAM_AMR_NOT_ARRAY);
    }

    @Test
    void theOidInsteadOfTheHintSubIsNamed() throws Exception {
        Map<String, Object> t = conformantIdToken();
        t.put("sub", OID);
        ChainJudgement c = judgeExchange(t, STATE, withProviderKeys());
        assertThat(c).hasVerdict(FAIL).hasFinding(EAM_SUB_MISMATCH);
        org.assertj.core.api.Assertions.assertThat(c.hops().stream().flatMap(h -> h.findings().stream())
                .filter(f -> f.code().equals("EAM_SUB_MISMATCH")).findFirst().orElseThrow().message()).contains("oid");
    }

    @Test
    void aMissingNonceFails() throws Exception {
        Map<String, Object> t = conformantIdToken();
        t.remove("nonce");
        assertThat(judgeExchange(t, STATE, withProviderKeys())).hasVerdict(FAIL).hasFinding(EAM_NONCE);
    }

    @Test
    void aWrongAudienceFails() throws Exception {
        Map<String, Object> t = conformantIdToken();
        t.put("aud", "another-client");
        assertThat(judgeExchange(t, STATE, withProviderKeys())).hasFinding(EAM_AUD);
    }

    @Test
    void anAcrNotRequestedFails() throws Exception {
        Map<String, Object> t = conformantIdToken();
        t.put("acr", "knowledge");
        assertThat(judgeExchange(t, STATE, withProviderKeys())).hasFinding(EAM_ACR_NOT_REQUESTED);
        t.remove("acr");
        assertThat(judgeExchange(t, STATE, withProviderKeys())).hasFinding(EAM_ACR_MISSING);
        t.put("acr", List.of("possession", "inherence"));
        assertThat(judgeExchange(t, STATE, withProviderKeys())).hasFinding(EAM_ACR_MULTIPLE);
    }

    @Test
    void aPossessionMethodWithAnInherenceAcrConflicts() throws Exception {
        Map<String, Object> t = conformantIdToken();
        t.put("acr", "inherence");
        JudgeOptions o = withProviderKeys();
        // Judged without the request, so acr "inherence" is merely a valid value; the type then conflicts with otp.
        var c = new ChainJudge(o).judge(new ArtifactDetector(CloudProfile.PUBLIC, null).detect("id_token=" + Tokens.EAM.sign(t),
                new Origin(5, null, "POST", "https://login.microsoftonline.com/common/federation/externalauthprovider", null, "request")));
        assertThat(c).hasFinding(EAM_AMR_TYPE_CONFLICT);
    }

    @Test
    void anIssuerWithATrailingSlashFailsAndTheDifferenceIsNamed() throws Exception {
        Map<String, Object> t = conformantIdToken();
        t.put("iss", PROVIDER + "/");
        ChainJudgement c = judgeExchange(t, STATE, withProviderKeys());
        assertThat(c).hasVerdict(FAIL).hasFinding(EAM_ISSUER_MISMATCH);
        org.assertj.core.api.Assertions.assertThat(c.hops().stream().flatMap(h -> h.findings().stream())
                .filter(f -> f.code().equals("EAM_ISSUER_MISMATCH")).findFirst().orElseThrow().message()).contains("trailing slash");
    }

    @Test
    void aKeyWithoutX5cFails() throws Exception {
        String jwks = "{\"keys\":[" + Tokens.EAM.publicJwk().toPublicJWK().toJSONString().replaceAll(",\"x5c\":\\[[^\\]]*\\]", "") + "]}";
        JudgeOptions o = withProviderKeys();
        o = o.withTrust(new TrustMaterial(List.of(), null, o.trust().jwks(), Jwks.parse(jwks, "provider"), o.trust().eamDiscovery()));
        assertThat(judgeExchange(conformantIdToken(), STATE, o)).hasVerdict(FAIL).hasFinding(EAM_JWK_NO_X5C).hasFinding(EAM_SIG_VALID);
    }

    @Test
    void aChangedStateFails() throws Exception {
        assertThat(judgeExchange(conformantIdToken(), "other-state", withProviderKeys())).hasVerdict(FAIL).hasFinding(EAM_STATE_MISMATCH);
    }

    @Test
    void anAccessDeniedErrorFails() throws Exception {
        ArtifactDetector d = new ArtifactDetector(CloudProfile.PUBLIC, null);
        var arts = d.detect("error=access_denied&error_description=user+declined&state=" + STATE,
                new Origin(5, null, "POST", "https://login.microsoftonline.com/common/federation/externalauthprovider", null, "request"));
        assertThat(new ChainJudge(withProviderKeys()).judge(arts)).hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(EAM_PROVIDER_ERROR);
    }

    @Test
    void aBareEamTokenCanBeForcedWithKindAndReportsWhatItCannotCheck() throws Exception {
        var d = new ArtifactDetector(CloudProfile.PUBLIC, org.mfaharness.artifact.ArtifactKind.EAM_ID_TOKEN);
        var c = new ChainJudge(Judging.trusting()).judge(d.detect(Tokens.EAM.sign(conformantIdToken()), Origin.input(null)));
        assertThat(c).hasFinding(EAM_OK).hasNotChecked(EAM_SUB_MISMATCH).hasNotChecked(EAM_AUD).hasNotChecked(EAM_ISSUER_MISMATCH);
    }

    @Test
    void aDiscoveryDocumentWithoutIdTokenResponseTypeFails() throws Exception {
        JudgeOptions o = withProviderKeys();
        var bad = new EamDiscovery(PROVIDER + "/.well-known/openid-configuration?x=1", new ObjectMapper().readTree(
                "{\"issuer\":\"" + PROVIDER + "\",\"authorization_endpoint\":\"" + PROVIDER + "/authorize\",\"jwks_uri\":\"http://eam/keys\",\"response_types_supported\":[\"code\"]}"));
        o = o.withTrust(new TrustMaterial(List.of(), null, o.trust().jwks(), o.trust().eamJwks(), bad));
        assertThat(judgeExchange(conformantIdToken(), STATE, o)).hasFinding(EAM_DISCOVERY_URL).hasFinding(EAM_DISCOVERY_METADATA);
    }

    @Test
    void aDiscoveryDocumentWithoutSubjectTypesOrWithOnlyAggregatedClaimsFails() throws Exception {
        JudgeOptions o = withProviderKeys();
        var bad = new EamDiscovery(PROVIDER + "/.well-known/openid-configuration", new ObjectMapper().readTree(
                "{\"issuer\":\"" + PROVIDER + "\",\"authorization_endpoint\":\"" + PROVIDER + "/authorize\",\"jwks_uri\":\"" + PROVIDER
                        + "/keys\",\"response_types_supported\":[\"id_token\"],\"scopes_supported\":[\"openid\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"claim_types_supported\":[\"aggregated\"]}"));
        o = o.withTrust(new TrustMaterial(List.of(), null, o.trust().jwks(), o.trust().eamJwks(), bad));
        ChainJudgement c = judgeExchange(conformantIdToken(), STATE, o);
        assertThat(c).hasVerdict(FAIL).hasNoFinding(EAM_DISCOVERY_URL).hasFinding(EAM_DISCOVERY_METADATA);
        org.assertj.core.api.Assertions.assertThat(c.hops().stream().flatMap(h -> h.findings().stream()).toList()).filteredOn(f -> f.code().equals(EAM_DISCOVERY_METADATA.name()))
                .singleElement().extracting(f -> f.message()).asString()
                .contains("subject_types_supported").contains("claim_types_supported containing normal");
    }

    @Test
    void theConformantDiscoveryDocumentRaisesNoDiscoveryFinding() throws Exception {
        assertThat(judgeExchange(conformantIdToken(), STATE, withProviderKeys()))
                .hasNoFinding(EAM_DISCOVERY_URL).hasNoFinding(EAM_DISCOVERY_METADATA);
    }
}
