package org.mfaharness.certify.module;

import java.util.EnumSet;
import java.util.List;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.ReasonCode;

/**
 * After the user completes the provider's second factor, the provider form_posts an id_token to Entra's redirect
 * URI (the verdict engine's {@code EnsureEamProviderSucceeded}: {@code EAM_RESPONSE_OK} / {@code EAM_PROVIDER_ERROR}
 * / {@code EAM_NO_ID_TOKEN}). A provider that refuses the harness's authorize request before any second factor —
 * typically because it trusts only Microsoft's keys for the id_token_hint — means the live modules could not run.
 */
public final class ProviderIssuesIdTokenAfterSecondFactor extends PerLegModule {
    public ProviderIssuesIdTokenAfterSecondFactor() {
        super(EnumSet.of(LegName.EAM));
    }

    @Override
    public String displayName() {
        return "After the second factor the provider returns an id_token";
    }

    @Override
    public String summary() {
        return "Passes when the authorize POST the harness sends as Entra (scope openid, response_type id_token, response_mode "
                + "form_post, client_id, redirect_uri, nonce, state, an id_token_hint the harness signed, claims) leads, after the "
                + "user completes the provider's second factor, to a form_post of id_token and state to Entra's redirect URI. An "
                + "error response fails. When the provider refuses the request itself, the live modules could not run.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.EAM_ID_TOKEN);
    }

    @Override
    LegVerdict judge(Leg leg, CertificationEvidence e) {
        String src = Requirements.EAM_ID_TOKEN.source();
        if (!leg.completed()) {
            if ("ERROR_PAGE".equals(leg.failureKind()) && leg.typedCode()) {
                return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_EAM_ERROR_PAGE, "After the second factor the provider "
                        + "showed an error page instead of returning to Entra: " + leg.failure(), Evidence.at("sign-in", leg.failureKind()), src));
            }
            return LegVerdict.notRun(leg.failure());
        }
        ArtifactJudgement r = leg.last(java.util.Set.of(ArtifactKind.EAM_RESPONSE)).orElse(null);
        if (r == null) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_EAM_NO_RESPONSE, "The browser reached Entra's redirect URI "
                    + "without a form_post from the provider.", Evidence.expected("redirect_uri", null, "id_token, state"), src));
        }
        for (Finding f : r.findings()) {
            if (f.code().equals(ReasonCode.EAM_PROVIDER_ERROR.name()) || f.code().equals(ReasonCode.EAM_NO_ID_TOKEN.name())) {
                return LegVerdict.of(Outcome.FAIL, new LegFinding(leg.label(), f));
            }
        }
        for (Finding f : r.findings()) {
            if (f.code().equals(ReasonCode.EAM_RESPONSE_OK.name())) {
                return LegVerdict.of(Outcome.PASS, new LegFinding(leg.label(), new Finding(f.code(), f.severity(), f.message()
                        + (leg.typedCode() ? " The user completed the provider's one-time-code page first." : ""), f.evidence(),
                        f.remediation(), f.source())));
            }
        }
        return LegVerdict.notRun(leg.label() + ": the response was not judged.");
    }
}
