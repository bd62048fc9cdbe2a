package org.mfaharness.verify.saml2;

import static org.mfaharness.testing.JudgementAssert.assertThat;
import static org.mfaharness.verify.MfaReading.ABSENT;
import static org.mfaharness.verify.MfaReading.PRESENT;
import static org.mfaharness.verify.MfaReading.WEAK;
import static org.mfaharness.verify.ReasonCode.*;
import static org.mfaharness.verify.Verdict.FAIL;
import static org.mfaharness.verify.Verdict.PASS;
import static org.mfaharness.verify.Verdict.WARN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.Origin;
import org.mfaharness.artifact.Saml2AuthnRequest;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.testing.Judging;
import org.mfaharness.testing.Saml2Builder;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.chain.ChainJudge;

/** Spec (b): a SAML 2.0 Response from a federated IdP, judged as Entra would. */
class Saml2RulesTest {
    static final String MFA = "http://schemas.microsoft.com/claims/multipleauthn";

    static ArtifactJudgement judge(Saml2Builder b) {
        return Judging.judgeOne(b.build(), Judging.trusting());
    }

    @Test
    void multipleauthnAsTheAuthnContextClassRefPasses() {
        assertThat(judge(Saml2Builder.response().classRefs(MFA)))
                .hasVerdict(PASS).hasMfa(PRESENT).hasFinding(S2_MFA_CLASSREF).hasFinding(S2_SIG_VALID);
    }

    @Test
    void theBase64FormFieldIsReadLikeTheRawXml() {
        assertThat(Judging.judgeOne("SAMLResponse=" + java.net.URLEncoder.encode(Saml2Builder.response().classRefs(MFA).buildBase64(),
                java.nio.charset.StandardCharsets.UTF_8) + "&RelayState=x", Judging.trusting())).hasVerdict(PASS).hasMfa(PRESENT);
        assertThat(Judging.judgeOne(Saml2Builder.response().classRefs(MFA).buildBase64(), Judging.trusting())).hasVerdict(PASS);
    }

    @Test
    void passwordProtectedTransportFails() {
        assertThat(judge(Saml2Builder.response())).hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(S2_NO_MFA_CLAIM);
    }

    @Test
    void mfaOnlyInAttributesIsIgnoredByEntra() {
        assertThat(judge(Saml2Builder.response().attribute("http://schemas.microsoft.com/claims/authnmethodsreferences", MFA)))
                .hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(S2_MFA_IN_ATTRIBUTES_IGNORED);
    }

    @Test
    void onlyMultifactorAuthenticationInstantIsIgnoredToo() {
        assertThat(judge(Saml2Builder.response().attribute(
                "http://schemas.microsoft.com/ws/2017/04/identity/claims/multifactorauthenticationinstant", "2026-12-01T08:00:00Z")))
                .hasVerdict(FAIL).hasFinding(S2_MFA_IN_ATTRIBUTES_IGNORED);
    }

    @Test
    void theRefedsMfaClassIsNotReadByEntra() {
        assertThat(judge(Saml2Builder.response().classRefs("https://refeds.org/profile/mfa")))
                .hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(S2_NONMICROSOFT_MFA_CLASS);
    }

    @Test
    void wiaormultiauthnIsUndocumentedForSaml2AndWeak() {
        assertThat(judge(Saml2Builder.response().classRefs("http://schemas.microsoft.com/claims/wiaormultiauthn")))
                .hasVerdict(WARN).hasMfa(WEAK).hasFinding(S2_MFA_CLASSREF_UNDOCUMENTED);
    }

    @Test
    void anHttpsTypoInTheClassRefIsANearMiss() {
        assertThat(judge(Saml2Builder.response().classRefs("https://schemas.microsoft.com/claims/multipleauthn")))
                .hasVerdict(FAIL).hasFinding(S2_MFA_URI_MALFORMED);
    }

    @Test
    void twoClassRefsWarn() {
        assertThat(judge(Saml2Builder.response().classRefs(MFA, Saml2Builder.PASSWORD_PROTECTED)))
                .hasFinding(S2_MULTIPLE_CONTEXTS).hasVerdict(WARN);
    }

    @Test
    void aSignedResponseAloneIsNotEnough() {
        assertThat(judge(Saml2Builder.response().classRefs(MFA).signResponseOnly()))
                .hasVerdict(FAIL).hasMfa(PRESENT).hasFinding(S2_ASSERTION_UNSIGNED).hasFinding(S2_SIG_VALID);
    }

    @Test
    void bothSignaturesAreVerified() {
        assertThat(judge(Saml2Builder.response().classRefs(MFA).signBoth())).hasVerdict(PASS);
    }

    @Test
    void aWrongKeyFails() {
        assertThat(judge(Saml2Builder.response().classRefs(MFA).signedWith(TestKeys.OTHER))).hasVerdict(FAIL).hasFinding(S2_SIG_INVALID);
    }

    @Test
    void aNonSuccessStatusFails() {
        assertThat(judge(Saml2Builder.response().classRefs(MFA).status("urn:oasis:names:tc:SAML:2.0:status:Responder")))
                .hasVerdict(FAIL).hasFinding(S2_STATUS_NOT_SUCCESS);
    }

    @Test
    void theProtocolRulesEachFailOnTheirOwn() {
        assertThat(judge(Saml2Builder.response().classRefs(MFA).audience("https://sp.contoso.test"))).hasFinding(S2_AUDIENCE_MISMATCH);
        assertThat(judge(Saml2Builder.response().classRefs(MFA).recipient("https://login.microsoftonline.us/login.srf")))
                .hasFinding(S2_RECIPIENT_MISMATCH);
        assertThat(judge(Saml2Builder.response().classRefs(MFA).nameIdFormat("urn:oasis:names:tc:SAML:2.0:nameid-format:transient")))
                .hasFinding(S2_NAMEID_FORMAT);
        assertThat(judge(Saml2Builder.response().classRefs(MFA).withoutIdpEmail())).hasFinding(S2_NO_IDPEMAIL);
    }

    @Test
    void theRecipientFollowsTheCloudProfile() {
        var usgov = Judging.trusting().withCloud(CloudProfile.USGOV);
        assertThat(Judging.judgeOne(Saml2Builder.response().classRefs(MFA).recipient("https://login.microsoftonline.us/login.srf").build(), usgov))
                .hasNoFinding(S2_RECIPIENT_MISMATCH).hasVerdict(PASS);
    }

    @Test
    void theIssuerIsCheckedOnlyWhenTheIssuerUriIsKnown() {
        assertThat(judge(Saml2Builder.response().classRefs(MFA))).hasNotChecked(S2_ISSUER_MISMATCH);
        var o = Judging.trusting().withIssuerUri("https://idp.contoso.test/other");
        assertThat(Judging.judgeOne(Saml2Builder.response().classRefs(MFA).build(), o)).hasVerdict(FAIL).hasFinding(S2_ISSUER_MISMATCH);
        var ok = Judging.trusting().withIssuerUri("https://idp.contoso.test/saml");
        assertThat(Judging.judgeOne(Saml2Builder.response().classRefs(MFA).build(), ok)).hasFinding(S2_ISSUER_OK);
    }

    @Test
    void inResponseToIsComparedWithTheCapturedAuthnRequest() {
        Saml2Builder b = Saml2Builder.response().classRefs(MFA);
        String response = b.build();
        ArtifactDetector d = new ArtifactDetector(CloudProfile.PUBLIC, null);
        var request = new Saml2AuthnRequest("", new Origin(1, null, "GET", "https://idp.contoso.test/sso", "SAMLRequest", "request"),
                "_another-request", "urn:federation:MicrosoftOnline", null, List.of(), false);
        var responseArtifacts = d.detect(response, new Origin(2, null, "POST", "https://login.microsoftonline.com/login.srf", "SAMLResponse", "request"));
        var all = new java.util.ArrayList<org.mfaharness.artifact.Artifact>();
        all.add(request);
        all.addAll(responseArtifacts);
        assertThat(new ChainJudge(Judging.trusting()).judge(all)).hasFinding(S2_INRESPONSETO_MISMATCH).hasVerdict(FAIL);

        var matching = new Saml2AuthnRequest("", request.origin(), b.inResponseTo(), "urn:federation:MicrosoftOnline", null, List.of(), false);
        all.set(0, matching);
        assertThat(new ChainJudge(Judging.trusting()).judge(all)).hasNoFinding(S2_INRESPONSETO_MISMATCH);
    }

    @Test
    void aBareAssertionIsJudgedWithoutResponseRules() {
        assertThat(judge(Saml2Builder.response().classRefs(MFA).bare())).hasVerdict(PASS).hasMfa(PRESENT);
    }
}
