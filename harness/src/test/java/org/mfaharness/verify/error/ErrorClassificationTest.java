package org.mfaharness.verify.error;

import static org.mfaharness.testing.JudgementAssert.assertThat;
import static org.mfaharness.verify.MfaReading.ABSENT;
import static org.mfaharness.verify.ReasonCode.*;
import static org.mfaharness.verify.Verdict.FAIL;

import org.junit.jupiter.api.Test;
import org.mfaharness.testing.Judging;
import org.mfaharness.verify.ArtifactJudgement;

/** Spec (d) 9 and §5: the errors partners paste into support cases. */
class ErrorClassificationTest {
    static ArtifactJudgement judge(String text) {
        return Judging.judgeOne(text, Judging.untrusted());
    }

    @Test
    void aadsts50079MeansEntraWantedTheClaimFromTheFederatedIdp() {
        assertThat(judge("AADSTS50079: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication."))
                .hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(ENTRA_REQUIRES_IDP_MFA_CLAIM);
    }

    @Test
    void aadsts50076FromARefreshTokenMeansMfaIsRequired() {
        assertThat(judge("{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd'.\",\"error_codes\":[50076],\"suberror\":\"basic_action\"}"))
                .hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(ENTRA_MFA_REQUIRED);
    }

    @Test
    void eamRejectionsAreNamed() {
        assertThat(judge("AADSTS50158: External security challenge not satisfied.")).hasFinding(EAM_REJECTED);
        assertThat(judge("AADSTS50161: Failed to validate authorization url of external claims provider.")).hasFinding(EAM_REJECTED);
    }

    @Test
    void conditionalAccessBlocksAreNamed() {
        assertThat(judge("AADSTS53003: Access has been blocked by Conditional Access policies.")).hasVerdict(FAIL).hasFinding(CA_BLOCK);
    }

    @Test
    void otherCodesAreReportedWithTheirMeaning() {
        var j = judge("error=invalid_grant&error_description=AADSTS70008%3A+The+provided+authorization+code+or+refresh+token+has+expired");
        assertThat(j).hasVerdict(FAIL).hasFinding(ENTRA_ERROR);
        org.assertj.core.api.Assertions.assertThat(j.findings().get(0).message()).contains("expired");
    }

    @Test
    void partnerCentersMfaRequirementsAreRecognisedInEveryShape() {
        assertThat(judge("{\"code\":900421,\"description\":\"Authentication failed. MFA required.\"}")).hasVerdict(FAIL).hasMfa(ABSENT)
                .hasFinding(PC_MFA_REQUIRED);
        assertThat(judge("Microsoft.Store.PartnerCenter.Exceptions.PartnerException: Authentication failed. MFA required. (10001)"))
                .hasFinding(PC_MFA_REQUIRED);
        assertThat(judge("{\"error\":{\"code\":\"Unauthorized_MissingMFA\",\"message\":\"The provided token does not have MFA claims.\"}}"))
                .hasFinding(PC_MFA_REQUIRED);
    }

    @Test
    void aWrongResourceIsNotAnMfaProblem() {
        assertThat(judge("{\"code\":900420,\"description\":\"The audience 'https://graph.windows.net' is no longer supported.\"}"))
                .hasVerdict(FAIL).hasFinding(PC_ERROR).hasNoFinding(PC_MFA_REQUIRED);
    }
}
