package org.mfaharness.certify.module;

import java.util.EnumSet;
import java.util.List;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Delivery;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.Evidence;

/**
 * The EAM false-positive guard: a user who fails the second factor (the harness types codes from a wrong seed) gets
 * no id_token. Certify-only rule on what reached Entra's redirect URI.
 */
public final class NoIdTokenWithoutSecondFactor extends PerLegModule {
    public NoIdTokenWithoutSecondFactor() {
        super(EnumSet.of(LegName.EAM_DENIAL));
    }

    @Override
    public String displayName() {
        return "No id_token when the second factor fails";
    }

    @Override
    public String summary() {
        return "Passes when a second authorize POST for the same user, answered with wrong one-time codes only (the harness types "
                + "codes from a seed the provider does not know), never yields an id_token at Entra's redirect URI.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.EAM_NO_TOKEN_WITHOUT_MFA);
    }

    @Override
    LegVerdict judge(Leg leg, CertificationEvidence e) {
        String src = Requirements.EAM_NO_TOKEN_WITHOUT_MFA.source();
        Delivery d = leg.delivery("/federation/externalauthprovider").orElse(null);
        if (d != null && d.field("id_token") != null) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_EAM_TOKEN_WITHOUT_MFA, "The provider issued an id_token "
                    + (leg.typedCode() ? "although every code typed was wrong." : "without asking for a second factor."), Evidence.expected("id_token", "(present)", "no id_token"), src));
        }
        if (d == null && !leg.typedCode()) {
            return LegVerdict.notRun((leg.failure() == null ? "no code page was shown." : leg.failure()));
        }
        return LegVerdict.of(Outcome.PASS, Local.pass(leg.label(), CertifyCode.CERT_EAM_NO_TOKEN, d != null
                ? "No id_token: the provider answered error=" + d.field("error") + "."
                : leg.completed() ? "No id_token reached Entra: the browser came to the redirect URI without a form_post."
                : "No id_token: the provider kept refusing the wrong codes.", Evidence.at("id_token", null), src));
    }
}
