package org.mfaharness.certify.module;

import java.util.List;
import java.util.Objects;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Delivery;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.Evidence;

/**
 * The opaque context of the request comes back unchanged with the response, as the relying party (Entra) received
 * it at login.srf: WS-Fed {@code wctx}, SAML 2.0 {@code RelayState}. Certify-only rule (the engine judges assertions,
 * not the form around them). Subclassed per protocol for the module's name.
 */
abstract class ContextEchoed extends PerLegModule {
    private final Fed fed;

    ContextEchoed(Fed fed) {
        super(FindingsModule.FEDERATED_LEGS);
        this.fed = fed;
    }

    private String field() {
        return fed == Fed.WSFED ? "wctx" : "RelayState";
    }

    @Override
    public String summary() {
        return "Passes when, in every sign-in, the form the IdP POSTed to login.srf carries " + field() + " exactly as the harness sent "
                + "it; Entra keeps its sign-in state there.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(fed == Fed.WSFED ? Requirements.WSFED_WCTX : Requirements.SAML_RELAYSTATE);
    }

    @Override
    LegVerdict judge(Leg leg, CertificationEvidence e) {
        Delivery d = leg.delivery("/login.srf").orElse(null);
        if (d == null) {
            return LegVerdict.notRun(leg.whyNothing("POST to login.srf"));
        }
        String sent = leg.sent().get(field());
        String got = d.field(field());
        String src = requirements().get(0).source();
        if (!Objects.equals(sent, got)) {
            return LegVerdict.of(Outcome.FAIL, Local.fail(leg.label(), CertifyCode.CERT_CONTEXT_CHANGED, got == null
                    ? "The response to login.srf has no " + field() + "; the request sent one."
                    : "The " + field() + " returned differs from the one sent.", Evidence.expected(field(), got, sent), src));
        }
        return LegVerdict.of(Outcome.PASS, Local.pass(leg.label(), CertifyCode.CERT_CONTEXT_ECHOED, field() + " came back unchanged.",
                Evidence.expected(field(), got, sent), src));
    }
}
