package org.mfaharness.verify.chain;

import static org.mfaharness.testing.JudgementAssert.assertThat;
import static org.mfaharness.verify.MfaBy.ENTRA;
import static org.mfaharness.verify.MfaBy.FEDERATED_IDP;
import static org.mfaharness.verify.MfaBy.NOBODY;
import static org.mfaharness.verify.MfaReading.ABSENT;
import static org.mfaharness.verify.MfaReading.PRESENT;
import static org.mfaharness.verify.ReasonCode.*;
import static org.mfaharness.verify.Verdict.FAIL;
import static org.mfaharness.verify.Verdict.PASS;
import static org.mfaharness.verify.Verdict.WARN;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.Origin;
import org.mfaharness.artifact.SignInEvent;
import org.mfaharness.artifact.TokenRequest;
import org.mfaharness.artifact.WsFedSignInRequest;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.testing.Judging;
import org.mfaharness.testing.Tokens;
import org.mfaharness.testing.WsFedBuilder;

/**
 * A capture as a whole: who satisfied MFA, and the chain verdict over the hops that bear on Partner Center's decision.
 * Each test builds the artifacts a real sign-in leaves, hop by hop, as the proxy's extractors would.
 */
class ChainAttributionTest {
    static final String MFA_URI = WsFedBuilder.MULTIPLEAUTHN;
    final ArtifactDetector detector = new ArtifactDetector(CloudProfile.PUBLIC, null);
    final List<Artifact> capture = new ArrayList<>();
    int hop;

    ChainAttributionTest wsFedRequest(String wauth) {
        capture.add(new WsFedSignInRequest("", at("GET", "https://adfs.fabrikam.test/adfs/ls/"), "urn:federation:MicrosoftOnline",
                "ctx", wauth, null, null));
        return this;
    }

    ChainAttributionTest idpPage(boolean secondFactor) {
        capture.add(new SignInEvent("", at("POST", "https://adfs.fabrikam.test/adfs/ls/"), SignInEvent.Type.IDP_PAGE, "password page"));
        if (secondFactor) {
            capture.add(new SignInEvent("", at("POST", "https://adfs.fabrikam.test/adfs/ls/"), SignInEvent.Type.IDP_SECOND_FACTOR, "otp"));
        }
        return this;
    }

    ChainAttributionTest rstr(WsFedBuilder b) {
        capture.addAll(detector.detect("wresult=" + java.net.URLEncoder.encode(b.build(), java.nio.charset.StandardCharsets.UTF_8)
                + "&wctx=ctx", at("POST", "https://login.microsoftonline.com/login.srf")));
        return this;
    }

    /** An RSTR carrying a SAML 2.0 assertion (WS-Fed allows either version). */
    ChainAttributionTest rstrWithSaml2(org.mfaharness.testing.Saml2Builder b) {
        String assertion = b.bare().build().replaceFirst("^<\\?xml[^>]*\\?>", "");
        String rstr = "<t:RequestSecurityTokenResponse xmlns:t=\"http://schemas.xmlsoap.org/ws/2005/02/trust\">"
                + "<t:RequestedSecurityToken>" + assertion + "</t:RequestedSecurityToken></t:RequestSecurityTokenResponse>";
        capture.addAll(detector.detect("wresult=" + java.net.URLEncoder.encode(rstr, java.nio.charset.StandardCharsets.UTF_8)
                + "&wctx=ctx", at("POST", "https://login.microsoftonline.com/login.srf")));
        return this;
    }

    ChainAttributionTest entraPrompt() {
        capture.add(new SignInEvent("", at("POST", "https://login.microsoftonline.com/common/SAS/BeginAuth"),
                SignInEvent.Type.ENTRA_MFA_PROMPT, "SAS/BeginAuth"));
        return this;
    }

    ChainAttributionTest tokenResponse(String grant, List<String> amr) {
        Origin o = at("POST", "https://login.microsoftonline.com/common/oauth2/token");
        capture.add(new TokenRequest("", o, grant, "04b07795-8ddb-461a-bbee-02f9e1bf7b46", null, "https://api.partnercenter.microsoft.com"));
        capture.addAll(detector.fromJson("{\"access_token\":\"" + Tokens.entra(Tokens.partnerCenterAccessToken(amr)) + "\"}", o, 200));
        return this;
    }

    ChainAttributionTest entraError(String json) {
        capture.addAll(detector.fromJson(json, at("POST", "https://login.microsoftonline.com/login.srf"), 400));
        return this;
    }

    ChainAttributionTest partnerCenter401() {
        capture.addAll(detector.fromJson("{\"code\":900421,\"description\":\"Authentication failed. MFA required.\"}",
                at("GET", "https://api.partnercenter.microsoft.com/v1/customers"), 401));
        return this;
    }

    ChainJudgement judge() {
        return new ChainJudge(Judging.trusting()).judge(capture);
    }

    private Origin at(String method, String url) {
        return new Origin(++hop, Instant.now(), method, url, null, "request");
    }

    @Test
    void theIdpsClaimHonouredWithoutAnEntraPromptIsMfaByTheFederatedIdp() {
        assertThat(wsFedRequest(MFA_URI).idpPage(true).rstr(WsFedBuilder.rstr().authenticationMethod(MFA_URI))
                .tokenResponse("authorization_code", List.of("fed", "mfa")).judge())
                .hasVerdict(PASS).hasMfa(PRESENT).hasMfaBy(FEDERATED_IDP).hasFinding(MFA_BY_FEDERATED_IDP);
    }

    @Test
    void underAcceptAMissingClaimIsHiddenByEntrasOwnPromptAndWarns() {
        assertThat(rstr(WsFedBuilder.rstr()).entraPrompt().tokenResponse("authorization_code", List.of("fed", "mfa")).judge())
                .hasVerdict(WARN).hasMfa(PRESENT).hasMfaBy(ENTRA).hasFinding(MFA_BY_ENTRA).hasFinding(WSF_NO_MFA_CLAIM)
                .hasFinding(CHAIN_CLAIM_LOST);
    }

    @Test
    void underEnforceTheIdpIgnoringWauthEndsIn50079() {
        assertThat(wsFedRequest(MFA_URI).rstr(WsFedBuilder.rstr())
                .entraError("{\"error\":\"interaction_required\",\"error_description\":\"AADSTS50079: Due to a configuration change...\",\"error_codes\":[50079]}")
                .judge())
                .hasVerdict(FAIL).hasMfa(ABSENT).hasMfaBy(NOBODY)
                .hasFinding(WSF_STEPUP_IGNORED).hasFinding(ENTRA_REQUIRES_IDP_MFA_CLAIM).hasFinding(WSF_REQUEST_PARAMS);
    }

    @Test
    void aStepUpIgnoredIsFoundWhateverTheSamlVersionInsideTheRstr() {
        assertThat(new ChainAttributionTest().wsFedRequest(MFA_URI).rstrWithSaml2(org.mfaharness.testing.Saml2Builder.response()).judge())
                .hasFinding(WSF_STEPUP_IGNORED);
        assertThat(new ChainAttributionTest().wsFedRequest(MFA_URI).rstrWithSaml2(org.mfaharness.testing.Saml2Builder.response()
                .classRefs(MFA_URI)).judge()).hasNoFinding(WSF_STEPUP_IGNORED).hasFinding(S2_MFA_CLASSREF);
    }

    @Test
    void theVerdictSentenceNamesTheHopThatFirstLostTheClaim() {
        ChainJudgement c = rstr(WsFedBuilder.rstr()).tokenResponse("authorization_code", List.of("pwd", "fed")).partnerCenter401().judge();
        org.assertj.core.api.Assertions.assertThat(c.firstLoss().artifact().kind()).isEqualTo(org.mfaharness.artifact.ArtifactKind.WSFED_RSTR);
        org.assertj.core.api.Assertions.assertThat(org.mfaharness.report.VerdictSentence.of(c))
                .startsWith("Partner Center would reject this sign-in:")
                .contains("The MFA claim was first missing at hop " + c.firstLoss().artifact().origin().hop() + " (");
        assertThat(c).hasFinding(CHAIN_CLAIM_LOST);
    }

    @Test
    void aClaimTheEntraPromptOverrodeIsNotHonoured() {
        assertThat(rstr(WsFedBuilder.rstr().authenticationMethod(MFA_URI)).entraPrompt()
                .tokenResponse("authorization_code", List.of("fed", "mfa")).judge())
                .hasVerdict(WARN).hasMfaBy(ENTRA).hasFinding(IDP_CLAIM_NOT_HONORED);
    }

    @Test
    void aClaimWithoutAnySecondFactorAtTheIdpIsAPossibleFalsePositive() {
        assertThat(idpPage(false).rstr(WsFedBuilder.rstr().authenticationMethod(MFA_URI))
                .tokenResponse("authorization_code", List.of("fed", "mfa")).judge())
                .hasVerdict(WARN).hasMfaBy(FEDERATED_IDP).hasFinding(IDP_MFA_UNOBSERVED);
    }

    @Test
    void aRefreshTokenMintedWithoutMfaKeepsYieldingTokensWithoutIt() {
        assertThat(tokenResponse("refresh_token", List.of("pwd", "rsa")).judge())
                .hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(RT_MINTED_WITHOUT_MFA).hasFinding(ENTRA_AMR_NO_MFA);
    }

    @Test
    void theRefreshGrantIsFoundWhenTheDecisiveTokenIsTheCopySentToPartnerCenter() {
        String token = Tokens.entra(Tokens.partnerCenterAccessToken(List.of("pwd")));
        Origin o = at("POST", "https://login.microsoftonline.com/common/oauth2/v2.0/token");
        capture.add(new TokenRequest("", o, "refresh_token", "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "https://api.partnercenter.microsoft.com/user_impersonation", null));
        capture.addAll(detector.fromJson("{\"access_token\":\"" + token + "\"}", o, 200));
        capture.addAll(detector.detect("Authorization: Bearer " + token, at("GET", "https://api.partnercenter.microsoft.com/v1/customers")));
        assertThat(judge()).hasVerdict(FAIL).hasFinding(RT_MINTED_WITHOUT_MFA);
    }

    @Test
    void aRefreshThatKeptMfaPasses() {
        assertThat(tokenResponse("refresh_token", List.of("fed", "mfa")).judge()).hasVerdict(PASS).hasNoFinding(RT_MINTED_WITHOUT_MFA);
    }

    @Test
    void partnerCenterRefusingTheTokenAfterwardsFails() {
        assertThat(tokenResponse("authorization_code", List.of("pwd")).partnerCenter401().judge())
                .hasVerdict(FAIL).hasFinding(PC_MFA_REQUIRED);
    }

    @Test
    void aCaptureThatStopsBeforeTheTokenIsJudgedOnWhatItHolds() {
        assertThat(rstr(WsFedBuilder.rstr().authenticationMethod(MFA_URI)).judge())
                .hasVerdict(PASS).hasMfa(PRESENT).hasFinding(CHAIN_NO_ENTRA_TOKEN);
    }

    @Test
    void upstreamFindingsDoNotBearOnTheVerdictOnceEntraIssuedTheToken() {
        // The assertion went to another audience (FAIL), but Entra's token is what Partner Center judges.
        assertThat(rstr(WsFedBuilder.rstr().authenticationMethod(MFA_URI).audience("https://other.test/"))
                .tokenResponse("authorization_code", List.of("fed", "mfa")).judge())
                .hasVerdict(PASS).hasFinding(WSF_AUDIENCE_MISMATCH);
    }

    @Test
    void aManagedSignInWithEntrasOwnMfaPassesWithoutBlamingAThirdParty() {
        assertThat(entraPrompt().tokenResponse("authorization_code", List.of("pwd", "otp", "mfa")).judge())
                .hasVerdict(PASS).hasMfaBy(ENTRA).hasFinding(MFA_BY_ENTRA_ONLY).hasNoFinding(MFA_BY_ENTRA);
    }
}
