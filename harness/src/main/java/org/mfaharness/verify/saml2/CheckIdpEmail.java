package org.mfaharness.verify.saml2;

import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/** An attribute named IDPEmail carries the user's UPN. Source: spec (b) 2. */
public final class CheckIdpEmail implements Check<Saml2Assertion> {
    static final String IDP_EMAIL = "IDPEmail";

    @Override
    public void evaluate(Saml2Assertion a, JudgeContext ctx, Findings out) {
        boolean present = a.attributes().stream().anyMatch(at -> IDP_EMAIL.equals(at.name())
                && at.values().stream().anyMatch(v -> !v.isBlank()));
        if (!present) {
            out.add(ReasonCode.S2_NO_IDPEMAIL, "The assertion has no IDPEmail attribute with the user's UPN.",
                    Evidence.expected(a.path() + "/AttributeStatement", null, "Attribute Name=\"IDPEmail\""));
        }
    }
}
