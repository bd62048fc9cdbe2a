package org.mfaharness.verify.saml2;

import org.mfaharness.artifact.Saml2Response;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * The Response holds exactly one readable assertion: none (or only encrypted ones) cannot be judged, several is a
 * wrapping pattern (a second, unsigned assertion beside the signed one) or a broken IdP. Source: spec (b), XML-DSig
 * profile.
 */
public final class EnsureSingleAssertion implements Check<Saml2Response> {
    @Override
    public void evaluate(Saml2Response r, JudgeContext ctx, Findings out) {
        int n = r.assertions().size();
        if (n == 0) {
            out.add(ReasonCode.S2_PARSE_ERROR, r.encryptedAssertions() > 0
                    ? "The Response holds only an EncryptedAssertion, which cannot be read without the SP's key."
                    : "The Response holds no assertion.", Evidence.at("Response/Assertion", null));
        } else if (n > 1) {
            out.add(ReasonCode.S2_MULTIPLE_ASSERTIONS, "The Response holds " + n
                    + " assertions; Entra expects one, and judging any one of them could be fooled.",
                    Evidence.at(r.assertions().get(1).path(), String.valueOf(n)));
        }
    }
}
