package org.mfaharness.verify.wsfed;

import org.mfaharness.artifact.WsFedResponse;
import org.mfaharness.artifact.WsFedSignInRequest;
import org.mfaharness.artifact.saml.Saml11Assertion;
import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.artifact.xml.Dom;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.assertion.MfaUris;
import org.mfaharness.verify.saml2.Saml2MfaClaim;

/**
 * When Entra's sign-in request asked for MFA ({@code wauth=…/multipleauthn}), the IdP's reply carries the claim;
 * otherwise the IdP ignored the step-up (FAIL). Runs only when the request was captured. Source: spec (a) 6,
 * KB4037806.
 */
public final class CheckStepUpHonoured implements Check<WsFedResponse> {
    @Override
    public void evaluate(WsFedResponse r, JudgeContext ctx, Findings out) {
        WsFedSignInRequest req = ctx.correlation().wsFedRequest();
        if (req == null) {
            out.notChecked(ReasonCode.WSF_STEPUP_IGNORED, "the IdP's sign-in request (wauth) was not captured");
            return;
        }
        if (!MfaUris.MULTIPLEAUTHN.equals(Dom.collapse(req.wauth()))) {
            return; // Entra did not ask for MFA; the request's parameters are recorded by RecordSignInRequest.
        }
        // Each assertion by its own version's rule: an RSTR may carry SAML 1.1 or SAML 2.0.
        boolean honoured = r.assertions().stream().anyMatch(a -> a instanceof Saml11Assertion s11 ? Saml11MfaClaim.of(s11).honoured()
                : a instanceof Saml2Assertion s2 && Saml2MfaClaim.of(s2).honoured());
        if (!honoured) {
            out.add(ReasonCode.WSF_STEPUP_IGNORED, "Entra asked the IdP for MFA (wauth=" + req.wauth()
                    + ") and the IdP answered without the MFA claim: it ignored the step-up.",
                    Evidence.expected("wauth", req.wauth(), MfaUris.MULTIPLEAUTHN));
        }
    }
}
