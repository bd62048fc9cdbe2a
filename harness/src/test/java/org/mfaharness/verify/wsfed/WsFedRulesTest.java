package org.mfaharness.verify.wsfed;

import static org.mfaharness.testing.JudgementAssert.assertThat;
import static org.mfaharness.verify.MfaReading.ABSENT;
import static org.mfaharness.verify.MfaReading.PRESENT;
import static org.mfaharness.verify.MfaReading.WEAK;
import static org.mfaharness.verify.ReasonCode.*;
import static org.mfaharness.verify.Verdict.FAIL;
import static org.mfaharness.verify.Verdict.INCONCLUSIVE;
import static org.mfaharness.verify.Verdict.PASS;
import static org.mfaharness.verify.Verdict.WARN;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mfaharness.testing.Judging;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.testing.WsFedBuilder;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Severity;

/** Spec (a): a WS-Fed RSTR carrying a SAML 1.1 assertion, judged as Entra would. */
class WsFedRulesTest {
    static final String MFA = WsFedBuilder.MULTIPLEAUTHN;
    static final String WIA_OR_MFA = "http://schemas.microsoft.com/claims/wiaormultiauthn";
    static final String CLAIMS_NS = "http://schemas.microsoft.com/ws/2008/06/identity/claims";
    static final String AMR_NS = "http://schemas.microsoft.com/claims";

    static ArtifactJudgement judge(WsFedBuilder b) {
        return Judging.judgeOne(b.build(), Judging.trusting());
    }

    @Nested
    class TheMfaClaim {
        @Test
        void multipleauthnInTheAuthenticationStatementPasses() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(MFA)))
                    .hasVerdict(PASS).hasMfa(PRESENT).hasFinding(WSF_MFA_AUTHNSTMT).hasFinding(WSF_SIG_VALID);
        }

        @Test
        void multipleauthnInTheAuthenticationmethodAttributePasses() {
            assertThat(judge(WsFedBuilder.rstr().attribute("authenticationmethod", CLAIMS_NS,
                    "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password", MFA)))
                    .hasVerdict(PASS).hasMfa(PRESENT).hasFinding(WSF_MFA_ATTR_AUTHMETHOD);
        }

        @Test
        void theAdfsAuthnmethodsreferencesPassThroughPasses() {
            assertThat(judge(WsFedBuilder.rstr().attribute("authnmethodsreferences", AMR_NS, MFA)))
                    .hasVerdict(PASS).hasMfa(PRESENT).hasFinding(WSF_MFA_ATTR_AMR);
        }

        @Test
        void wiaormultiauthnAloneIsWeakAndWarns() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(WIA_OR_MFA)))
                    .hasVerdict(WARN).hasMfa(WEAK).hasFinding(WSF_MFA_WIA_OR_MFA, Severity.WARN);
        }

        @Test
        void aPasswordOnlyAssertionFailsAndListsWhatTheIdpSaid() {
            assertThat(judge(WsFedBuilder.rstr()))
                    .hasVerdict(FAIL).hasMfa(ABSENT)
                    .hasFindingWithValue(WSF_NO_MFA_CLAIM, WsFedBuilder.PASSWORD);
        }

        @Test
        void anHttpsTypoIsANamedNearMiss() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod("https://schemas.microsoft.com/claims/multipleauthn")))
                    .hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(WSF_MFA_URI_MALFORMED).hasNoFinding(WSF_NO_MFA_CLAIM);
        }

        @Test
        void wrongCaseIsANamedNearMiss() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod("http://schemas.microsoft.com/claims/MultipleAuthn")))
                    .hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(WSF_MFA_URI_MALFORMED);
        }

        @Test
        void theUriInAnAttributeEntraDoesNotReadIsANamedNearMiss() {
            assertThat(judge(WsFedBuilder.rstr().attribute("amr", "http://example.test/claims", MFA)))
                    .hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(WSF_MFA_WRONG_ATTRIBUTE);
        }

        @Test
        void authenticationmethodInTheWrongNamespaceIsTheWrongAttribute() {
            assertThat(judge(WsFedBuilder.rstr().attribute("authenticationmethod", AMR_NS, MFA)))
                    .hasVerdict(FAIL).hasFinding(WSF_MFA_WRONG_ATTRIBUTE);
        }

        @Test
        void surroundingXmlWhitespaceIsCollapsedBeforeTheExactComparison() {
            assertThat(judge(WsFedBuilder.rstr().attribute("authenticationmethod", CLAIMS_NS, "\n   " + MFA + "\t\n")))
                    .hasVerdict(PASS).hasMfa(PRESENT);
        }

        @Test
        void aSubstringOfTheUriIsNotTheUri() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(MFA + "/extra")))
                    .hasVerdict(FAIL).hasMfa(ABSENT);
        }

        @Test
        void noAuthenticationMethodAtAllFails() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(null)))
                    .hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(WSF_NO_MFA_CLAIM);
        }
    }

    @Nested
    class TrustAndProtocol {
        @Test
        void aPresentClaimWithoutTrustMaterialIsInconclusiveNeverPass() {
            assertThat(Judging.judgeOne(WsFedBuilder.rstr().authenticationMethod(MFA).build(), Judging.untrusted()))
                    .hasVerdict(INCONCLUSIVE).hasMfa(PRESENT).hasFinding(WSF_SIG_UNCHECKED);
        }

        @Test
        void aMissingClaimFailsEvenWhenTheSignatureCannotBeChecked() {
            assertThat(Judging.judgeOne(WsFedBuilder.rstr().build(), Judging.untrusted()))
                    .hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(WSF_SIG_UNCHECKED);
        }

        @Test
        void aSignatureByAnUnpinnedKeyFailsAndNamesBothCertificates() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(MFA).signedWith(TestKeys.OTHER)))
                    .hasVerdict(FAIL).hasMfa(PRESENT).hasFinding(WSF_SIG_INVALID).hasFinding(SIG_KEYINFO_DIFFERS, Severity.INFO);
        }

        @Test
        void anUnsignedAssertionFails() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(MFA).unsigned()))
                    .hasVerdict(FAIL).hasMfa(PRESENT).hasFinding(WSF_SIG_MISSING);
        }

        @Test
        void rsaSha1VerifiesAndWarns() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(MFA).sha1()))
                    .hasVerdict(WARN).hasFinding(WSF_SIG_VALID).hasFinding(SIG_SHA1, Severity.WARN);
        }

        @Test
        void anExpiredPinnedCertificateWarnsButStillVerifies() {
            var o = Judging.trusting().withTrust(Judging.trusting().trust()
                    .withCertificates(java.util.List.of(TestKeys.EXPIRED.certificate())));
            assertThat(Judging.judgeOne(WsFedBuilder.rstr().authenticationMethod(MFA).signedWith(TestKeys.EXPIRED).build(), o))
                    .hasVerdict(WARN).hasFinding(WSF_SIG_VALID).hasFinding(SIG_CERT_EXPIRED, Severity.WARN);
        }

        @Test
        void anAssertionForAnotherRelyingPartyFails() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(MFA).audience("https://app.fabrikam.test/")))
                    .hasVerdict(FAIL).hasMfa(PRESENT).hasFinding(WSF_AUDIENCE_MISMATCH);
        }

        @Test
        void theAudienceCanBeOverridden() {
            var o = Judging.trusting().withAudience("urn:federation:custom");
            assertThat(Judging.judgeOne(WsFedBuilder.rstr().authenticationMethod(MFA).audience("urn:federation:custom").build(), o))
                    .hasVerdict(PASS);
        }

        @Test
        void anExpiredAssertionFailsAndAnOldCaptureIsJudgedAtItsOwnTime() {
            Instant then = Instant.parse("2020-01-01T10:00:00Z");
            String xml = WsFedBuilder.rstr().authenticationMethod(MFA).validity(then, then.plus(Duration.ofHours(1))).build();
            assertThat(Judging.judgeOne(xml, Judging.trusting())).hasVerdict(FAIL).hasFinding(WSF_EXPIRED);
            assertThat(Judging.judgeOne(xml, Judging.trusting().at(then.plus(Duration.ofMinutes(30))))).hasVerdict(PASS);
        }

        @Test
        void anAssertionFromTheFutureFailsBeyondTheSkew() {
            Instant later = Instant.now().plus(Duration.ofHours(2));
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(MFA).validity(later, later.plus(Duration.ofHours(1)))))
                    .hasVerdict(FAIL).hasFinding(WSF_NOT_YET_VALID);
        }

        @Test
        void theClockSkewIsAllowed() {
            Instant soon = Instant.now().plus(Duration.ofMinutes(3));
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(MFA).validity(soon, soon.plus(Duration.ofHours(1)))))
                    .hasVerdict(PASS);
        }

        @Test
        void wsTrust13InsideACollectionIsRead() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(MFA).wsTrust13(true))).hasVerdict(PASS).hasMfa(PRESENT);
        }

        @Test
        void aBareSaml11AssertionIsRead() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(MFA).bare())).hasVerdict(PASS).hasMfa(PRESENT);
        }

        @Test
        void aSecondAssertionInTheRstrFails() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(MFA).extraUnsignedAssertions(1)))
                    .hasVerdict(FAIL).hasFinding(WSF_MULTIPLE_ASSERTIONS);
        }

        @Test
        void theStepUpRuleIsNotCheckedWithoutTheRequestAndSaysSoAsInfo() {
            assertThat(judge(WsFedBuilder.rstr().authenticationMethod(MFA))).hasNotChecked(WSF_STEPUP_IGNORED);
        }
    }
}
