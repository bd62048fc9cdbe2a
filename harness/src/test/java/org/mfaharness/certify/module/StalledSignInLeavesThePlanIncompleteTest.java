package org.mfaharness.certify.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.certify.module.Signins.rstr;
import static org.mfaharness.certify.module.Signins.wsfedSignIn;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.ModuleResult;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Overall;
import org.mfaharness.certify.plan.WsFedPlan;

/**
 * The whole wsfed plan on hand-built sign-ins judged by the verdict engine. When all three sign-ins complete with a
 * conformant RSTR the plan is conformant; when the no-step-up sign-in stalls (the drivers did not know a page) while
 * step-up and fresh pass, every module that reads the no-step-up sign-in is NOT RUN — a pass in the other sign-ins is
 * not a pass — and the certificate is incomplete, not conformant.
 */
class StalledSignInLeavesThePlanIncompleteTest {
    /** The modules of the wsfed plan that read the no-step-up sign-in. */
    static final List<String> READ_NO_STEP_UP = List.of("SignInCompletesAtLoginSrf", "NoClaimWithoutSecondFactor",
            "AssertionSignatureVerifies", "AudienceIsMicrosoftOnline", "AssertionLifetimeValid", "UpnAndImmutableIdPresent",
            "AuthenticationInstantPresent", "ResponseEchoesWctx");

    static Leg completed(LegName n) {
        Signins.LegBuilder b = wsfedSignIn(n, rstr(n).build());
        return (n == LegName.NO_STEP_UP ? b.steps(Signins.TYPED_USER, Signins.TYPED_PASSWORD) : b).build();
    }

    static Map<String, ModuleResult> byName(List<ModuleResult> results) {
        return results.stream().collect(Collectors.toMap(ModuleResult::name, r -> r));
    }

    @Test
    void threeConformantSignInsMakeTheWsFedPlanConformant() {
        CertificationEvidence e = Signins.wsfed(completed(LegName.NO_STEP_UP), completed(LegName.STEP_UP), completed(LegName.FRESH));
        List<ModuleResult> results = new WsFedPlan().evaluate(e);
        assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.name() + ": " + r.message()).isEqualTo(Outcome.PASS));
        assertThat(Overall.of(results)).isEqualTo(Overall.CONFORMANT);
    }

    @Test
    void aStalledNoStepUpSignInLeavesEveryModuleReadingItNotRunAndThePlanIncomplete() {
        String why = "no sign-in driver recognised the page at https://adfs.fabrikam.test/adfs/ls/ (title 'Choose an account') for 20 s";
        Leg stalled = wsfedSignIn(LegName.NO_STEP_UP, rstr(LegName.NO_STEP_UP).build()).steps(Signins.TYPED_USER)
                .failed("STALLED", why).build();
        assertThat(stalled.completed()).isFalse();
        CertificationEvidence e = Signins.wsfed(stalled, completed(LegName.STEP_UP), completed(LegName.FRESH));

        List<ModuleResult> results = new WsFedPlan().evaluate(e);
        Map<String, ModuleResult> r = byName(results);
        for (String m : READ_NO_STEP_UP) {
            assertThat(r.get(m).outcome()).as(m + ": " + r.get(m).message()).isEqualTo(Outcome.NOT_RUN);
            assertThat(r.get(m).message()).as(m).contains("no-step-up");
        }
        // the step-up and fresh sign-ins were judged, and passed: these modules read nothing else
        assertThat(r.get("StepUpYieldsDocumentedMfaClaim").outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.get("FreshAuthenticationOnWfresh0").outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.get("MetadataHasValidSigningCertificate").outcome()).isEqualTo(Outcome.PASS);
        assertThat(results).noneMatch(m -> m.outcome() == Outcome.FAIL || m.outcome() == Outcome.WARN);
        assertThat(results).filteredOn(m -> m.outcome() == Outcome.NOT_RUN).extracting(ModuleResult::name)
                .containsExactlyInAnyOrderElementsOf(READ_NO_STEP_UP);
        assertThat(Overall.of(results)).isEqualTo(Overall.INCOMPLETE);
        assertThat(Overall.of(results).certified()).isFalse();
        // the stall is named where it is the reason
        assertThat(r.get("SignInCompletesAtLoginSrf").message()).contains(why).contains("step-up: ").contains("Judged:");
    }
}
