package org.mfaharness.verify.wsfed;

import java.util.List;
import org.mfaharness.artifact.WsFedResponse;
import org.mfaharness.artifact.saml.Saml11Assertion;
import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.artifact.saml.SamlAssertion;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.assertion.AssertionCodes;
import org.mfaharness.verify.assertion.CheckAudience;
import org.mfaharness.verify.assertion.CheckValidityWindow;
import org.mfaharness.verify.assertion.VerifyAssertionSignature;
import org.mfaharness.verify.saml2.EnsureSaml2MfaClassRef;
import org.mfaharness.verify.saml2.RecordAuthnInstant;

/**
 * The plan for a WS-Federation response (spec (a)): one assertion; its signature, audience and lifetime; the MFA
 * claim (SAML 1.1 forms, or the AuthnContextClassRef when the RSTR carries a SAML 2.0 assertion); and, when the
 * sign-in request was captured, whether the IdP honoured {@code wauth}. When several assertions are present only the
 * first is judged further, after the FAIL that says so.
 */
public final class WsFedJudge {
    private static final Check<WsFedResponse> SINGLE = new EnsureSingleAssertion();
    private static final List<Check<SamlAssertion>> ASSERTION_CHECKS = List.of(
            new VerifyAssertionSignature(AssertionCodes.WSFED),
            new CheckAudience(AssertionCodes.WSFED),
            new CheckValidityWindow(AssertionCodes.WSFED));
    private static final List<Check<Saml11Assertion>> SAML11_CHECKS = List.of(
            new EnsureSaml11MfaClaim(), new RecordAuthenticationInstant());
    private static final List<Check<Saml2Assertion>> SAML2_CHECKS = List.of(
            new EnsureSaml2MfaClassRef(), new RecordAuthnInstant());
    private static final List<Check<WsFedResponse>> REQUEST_CHECKS = List.of(
            new RecordSignInRequest(), new CheckStepUpHonoured());

    private WsFedJudge() {
    }

    public static void judge(WsFedResponse r, JudgeContext ctx, Findings out) {
        SINGLE.evaluate(r, ctx, out);
        if (r.assertions().isEmpty()) {
            return;
        }
        SamlAssertion a = r.assertions().get(0);
        ASSERTION_CHECKS.forEach(c -> c.evaluate(a, ctx, out));
        if (a instanceof Saml11Assertion s11) {
            SAML11_CHECKS.forEach(c -> c.evaluate(s11, ctx, out));
        } else if (a instanceof Saml2Assertion s2) {
            SAML2_CHECKS.forEach(c -> c.evaluate(s2, ctx, out));
        }
        REQUEST_CHECKS.forEach(c -> c.evaluate(r, ctx, out));
    }
}
