package org.mfaharness.verify.saml2;

import java.util.List;
import org.mfaharness.artifact.Saml2Response;
import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.artifact.saml.SamlAssertion;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.assertion.AssertionCodes;
import org.mfaharness.verify.assertion.CheckAudience;
import org.mfaharness.verify.assertion.CheckValidityWindow;
import org.mfaharness.verify.assertion.VerifyAssertionSignature;

/**
 * The plan for a SAML 2.0 Response or bare assertion (spec (b)), in the spec's order: status and signatures,
 * then the protocol rules, then the MFA class. When several assertions are present only the first is judged
 * further, after the FAIL that says so.
 */
public final class Saml2Judge {
    private static final List<Check<Saml2Response>> RESPONSE_CHECKS = List.of(
            new EnsureSuccessStatus(), new EnsureSingleAssertion(), new VerifyResponseSignature());
    private static final List<Check<SamlAssertion>> ASSERTION_CHECKS = List.of(
            new VerifyAssertionSignature(AssertionCodes.SAML2),
            new CheckAudience(AssertionCodes.SAML2),
            new CheckValidityWindow(AssertionCodes.SAML2));
    private static final List<Check<Saml2Assertion>> PROTOCOL_CHECKS = List.of(
            new CheckIssuerMatchesIssuerUri(), new CheckRecipient(), new CheckNameIdPersistent(), new CheckIdpEmail(),
            new EnsureSaml2MfaClassRef(), new RecordAuthnInstant());
    private static final Check<Saml2Response> IN_RESPONSE_TO = new CheckInResponseTo();

    private Saml2Judge() {
    }

    public static void judge(Saml2Response r, JudgeContext ctx, Findings out) {
        RESPONSE_CHECKS.forEach(c -> c.evaluate(r, ctx, out));
        if (r.assertions().isEmpty()) {
            return;
        }
        Saml2Assertion a = r.assertions().get(0);
        ASSERTION_CHECKS.forEach(c -> c.evaluate(a, ctx, out));
        PROTOCOL_CHECKS.forEach(c -> c.evaluate(a, ctx, out));
        IN_RESPONSE_TO.evaluate(r, ctx, out);
    }
}
