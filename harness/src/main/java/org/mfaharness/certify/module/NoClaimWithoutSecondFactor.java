package org.mfaharness.certify.module;

import java.util.List;
import org.mfaharness.artifact.SignInEvent;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.MfaReading;
import org.mfaharness.verify.ReasonCode;

/**
 * The false-positive guard: the IdP asserts MFA only when a second factor was performed in its session. Reads the
 * verdict engine's chain finding {@code IDP_MFA_UNOBSERVED} on the capture up to the end of each sign-in (so a second
 * factor done earlier in the same IdP session counts, as it does for single sign-on).
 */
public final class NoClaimWithoutSecondFactor extends PerLegModule {
    private final Fed fed;

    public NoClaimWithoutSecondFactor(Fed fed) {
        super(FindingsModule.FEDERATED_LEGS);
        this.fed = fed;
    }

    @Override
    public String displayName() {
        return "No MFA claim without a second factor";
    }

    @Override
    public String summary() {
        return "Passes when every assertion that claims MFA follows a second factor the browser performed at the IdP in the same "
                + "session (an OTP, passcode or push page, or an AD FS additional-authentication method). The sign-in that does "
                + "not ask for MFA starts in a fresh browser, so a claim there with no second factor is a false positive "
                + "(static claims, MFA-excluded users).";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.NO_FALSE_POSITIVE);
    }

    @Override
    LegVerdict judge(Leg leg, CertificationEvidence e) {
        ArtifactJudgement r = leg.idpResponse().orElse(null);
        if (r == null) {
            return LegVerdict.notRun(leg.whyNothing(fed.response));
        }
        for (Finding f : leg.chainFindings()) {
            if (f.code().equals(ReasonCode.IDP_MFA_UNOBSERVED.name())) {
                return LegVerdict.of(Outcome.FAIL, new LegFinding(leg.label(), f));
            }
        }
        String src = Requirements.NO_FALSE_POSITIVE.source();
        if (r.mfa() == MfaReading.PRESENT || r.mfa() == MfaReading.WEAK) {
            String factor = leg.chain().context().stream().filter(a -> a instanceof SignInEvent ev
                    && ev.type() == SignInEvent.Type.IDP_SECOND_FACTOR).map(a -> ((SignInEvent) a).detail()).reduce((a, b) -> b)
                    .orElse("a second factor");
            return LegVerdict.of(Outcome.PASS, Local.pass(leg.label(), CertifyCode.CERT_CLAIM_AFTER_SECOND_FACTOR, "MFA claimed after "
                    + factor + " in the IdP session.", Evidence.at("IdP second factor", factor), src));
        }
        return LegVerdict.of(Outcome.PASS, Local.pass(leg.label(), CertifyCode.CERT_NO_CLAIM, "No MFA claim" + (leg.typedCode()
                ? " (a second factor was performed)." : " and no second factor."), Evidence.at("mfa", r.mfa().name()), src));
    }
}
