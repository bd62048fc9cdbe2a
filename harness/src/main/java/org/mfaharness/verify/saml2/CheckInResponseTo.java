package org.mfaharness.verify.saml2;

import org.mfaharness.artifact.Saml2AuthnRequest;
import org.mfaharness.artifact.Saml2Response;
import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * The Response's and the bearer confirmation's InResponseTo equal the captured AuthnRequest's ID. Not checked
 * when no AuthnRequest was captured. Source: spec (b) 2.
 */
public final class CheckInResponseTo implements Check<Saml2Response> {
    @Override
    public void evaluate(Saml2Response r, JudgeContext ctx, Findings out) {
        Saml2AuthnRequest req = ctx.correlation().authnRequest();
        if (req == null) {
            out.notChecked(ReasonCode.S2_INRESPONSETO_MISMATCH, "no AuthnRequest was captured");
            return;
        }
        String expected = req.id();
        if (r.response() != null && r.inResponseTo() != null && !r.inResponseTo().equals(expected)) {
            out.add(ReasonCode.S2_INRESPONSETO_MISMATCH, "The Response answers request " + r.inResponseTo()
                    + ", but Entra's AuthnRequest was " + expected + ".",
                    Evidence.expected("Response/@InResponseTo", r.inResponseTo(), expected));
            return;
        }
        for (Saml2Assertion a : r.assertions()) {
            for (Saml2Assertion.SubjectConfirmation sc : a.subjectConfirmations()) {
                if (sc.inResponseTo() != null && !sc.inResponseTo().equals(expected)) {
                    out.add(ReasonCode.S2_INRESPONSETO_MISMATCH, "The assertion answers request " + sc.inResponseTo()
                            + ", but Entra's AuthnRequest was " + expected + ".",
                            Evidence.expected(sc.path() + "/@InResponseTo", sc.inResponseTo(), expected));
                    return;
                }
            }
        }
        if (r.response() != null && r.inResponseTo() == null) {
            out.add(ReasonCode.S2_INRESPONSETO_MISMATCH, "The Response has no InResponseTo (unsolicited), but Entra sent AuthnRequest "
                    + expected + ".", Evidence.expected("Response/@InResponseTo", null, expected));
        }
    }
}
