package org.mfaharness.verify.saml2;

import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.artifact.xml.Dom;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * The assertion's Issuer equals the domain's IssuerUri (from {@code --issuer} or the metadata's entityID), exactly.
 * Not checked when the IssuerUri is unknown. Source: spec (b) 2.
 */
public final class CheckIssuerMatchesIssuerUri implements Check<Saml2Assertion> {
    @Override
    public void evaluate(Saml2Assertion a, JudgeContext ctx, Findings out) {
        String expected = ctx.options().effectiveIssuerUri();
        if (expected == null) {
            out.notChecked(ReasonCode.S2_ISSUER_MISMATCH, "the domain's IssuerUri is unknown (pass --issuer or --metadata)");
            return;
        }
        String issuer = Dom.collapse(a.issuer());
        if (expected.equals(issuer)) {
            out.add(ReasonCode.S2_ISSUER_OK, "The Issuer is the domain's IssuerUri " + expected + ".",
                    Evidence.expected(a.path() + "/Issuer", a.issuer(), expected));
        } else {
            out.add(ReasonCode.S2_ISSUER_MISMATCH, "The Issuer is " + issuer + ", but the domain's IssuerUri is " + expected + ".",
                    Evidence.expected(a.path() + "/Issuer", a.issuer(), expected));
        }
    }
}
