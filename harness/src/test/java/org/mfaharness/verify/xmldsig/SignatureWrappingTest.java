package org.mfaharness.verify.xmldsig;

import static org.mfaharness.testing.JudgementAssert.assertThat;
import static org.mfaharness.verify.ReasonCode.SIG_PROFILE_VIOLATION;
import static org.mfaharness.verify.ReasonCode.SIG_WRAPPING;
import static org.mfaharness.verify.ReasonCode.WSF_MFA_AUTHNSTMT;
import static org.mfaharness.verify.ReasonCode.WSF_MULTIPLE_ASSERTIONS;
import static org.mfaharness.verify.ReasonCode.WSF_NO_MFA_CLAIM;
import static org.mfaharness.verify.ReasonCode.WSF_SIG_INVALID;
import static org.mfaharness.verify.ReasonCode.WSF_SIG_VALID;
import static org.mfaharness.verify.Verdict.FAIL;
import static org.mfaharness.verify.Verdict.PASS;

import org.junit.jupiter.api.Test;
import org.mfaharness.testing.Judging;
import org.mfaharness.testing.Saml2Builder;
import org.mfaharness.testing.WsFedBuilder;
import org.mfaharness.verify.ReasonCode;

/**
 * The XML-DSig profile against the classic attacks: the claims judged are those of the node the signature covers,
 * and anything that could make them differ fails.
 */
class SignatureWrappingTest {
    static final String MFA = WsFedBuilder.MULTIPLEAUTHN;

    private static String signedPasswordAssertion() {
        return WsFedBuilder.rstr().build();
    }

    @Test
    void changingTheSignedMethodToMultipleauthnBreaksTheDigest() {
        String forged = signedPasswordAssertion().replace(WsFedBuilder.PASSWORD, MFA);
        assertThat(Judging.judgeOne(forged, Judging.trusting())).hasVerdict(FAIL).hasFinding(WSF_SIG_INVALID);
    }

    @Test
    void aDuplicateIdElsewhereInTheDocumentIsWrapping() {
        String xml = signedPasswordAssertion();
        String id = xml.replaceAll("(?s).*AssertionID=\"([^\"]+)\".*", "$1");
        String wrapped = xml.replace("<t:Lifetime/>", "<t:Lifetime><x ID=\"" + id + "\"/></t:Lifetime>");
        assertThat(Judging.judgeOne(wrapped, Judging.trusting())).hasVerdict(FAIL).hasFinding(SIG_WRAPPING);
    }

    @Test
    void aSecondUnsignedAssertionBesideTheSignedOneFails() {
        assertThat(Judging.judgeOne(WsFedBuilder.rstr().authenticationMethod(MFA).extraUnsignedAssertions(1).build(),
                Judging.trusting())).hasVerdict(FAIL).hasFinding(WSF_MULTIPLE_ASSERTIONS);
    }

    @Test
    void aSignatureMovedFromTheSignedAssertionToAForgedOneIsWrapping() {
        // The forged assertion (claiming MFA) carries the signature of the genuine one, by reference.
        String genuine = WsFedBuilder.rstr().assertionId("_genuine").build();
        String sig = genuine.substring(genuine.indexOf("<ds:Signature"), genuine.indexOf("</ds:Signature>") + 15);
        String forged = WsFedBuilder.rstr().authenticationMethod(MFA).unsigned().assertionId("_forged").build()
                .replace("</saml:AuthenticationStatement>", "</saml:AuthenticationStatement>" + sig);
        assertThat(Judging.judgeOne(forged, Judging.trusting())).hasVerdict(FAIL).hasFinding(SIG_WRAPPING);
    }

    @Test
    void aReferenceToTheWholeDocumentIsOutsideTheProfile() {
        String xml = signedPasswordAssertion().replaceAll("URI=\"#[^\"]+\"", "URI=\"\"");
        assertThat(Judging.judgeOne(xml, Judging.trusting())).hasVerdict(FAIL).hasFinding(SIG_PROFILE_VIOLATION);
    }

    @Test
    void anXPathTransformIsRefused() {
        String xml = signedPasswordAssertion().replace(
                "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>",
                "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"><ds:XPath>1</ds:XPath></ds:Transform>");
        assertThat(Judging.judgeOne(xml, Judging.trusting())).hasVerdict(FAIL).hasFinding(SIG_PROFILE_VIOLATION);
    }

    @Test
    void anHmacSignatureMethodIsRefused() {
        String xml = signedPasswordAssertion().replace("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                "http://www.w3.org/2000/09/xmldsig#hmac-sha1");
        assertThat(Judging.judgeOne(xml, Judging.trusting())).hasVerdict(FAIL).hasFinding(SIG_PROFILE_VIOLATION);
    }

    @Test
    void twoReferencesAreRefused() {
        String xml = signedPasswordAssertion();
        String ref = xml.substring(xml.indexOf("<ds:Reference"), xml.indexOf("</ds:Reference>") + 15);
        String twice = xml.replace(ref, ref + ref.replaceAll("URI=\"#[^\"]+\"", "URI=\"#other\""));
        assertThat(Judging.judgeOne(twice, Judging.trusting())).hasVerdict(FAIL).hasFinding(SIG_PROFILE_VIOLATION);
    }

    @Test
    void aCommentInsideTheValueNeverSplitsIt() {
        // exc-c14n drops comments, so the signature holds; the value must still read as the whole text.
        String xml = WsFedBuilder.rstr().attribute("authenticationmethod",
                "http://schemas.microsoft.com/ws/2008/06/identity/claims", "http://schemas.microsoft.com/claims/multipleauthn.evil").build();
        String commented = xml.replace("multipleauthn.evil", "multipleauthn<!---->.evil");
        assertThat(Judging.judgeOne(commented, Judging.trusting()))
                .hasFinding(WSF_SIG_VALID).hasFinding(WSF_NO_MFA_CLAIM).hasNoFinding(WSF_MFA_AUTHNSTMT)
                .hasNoFinding(ReasonCode.WSF_MFA_ATTR_AUTHMETHOD);
    }

    @Test
    void theUnmodifiedSignedAssertionPasses() {
        assertThat(Judging.judgeOne(WsFedBuilder.rstr().authenticationMethod(MFA).build(), Judging.trusting())).hasVerdict(PASS);
    }

    @Test
    void aSaml2ResponseWithASignedAndAnUnsignedAssertionFails() {
        assertThat(Judging.judgeOne(Saml2Builder.response().classRefs(MFA).extraUnsignedAssertions(1).build(), Judging.trusting()))
                .hasVerdict(FAIL).hasFinding(ReasonCode.S2_MULTIPLE_ASSERTIONS);
    }
}
