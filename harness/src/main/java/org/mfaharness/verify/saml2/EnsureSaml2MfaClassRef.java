package org.mfaharness.verify.saml2;

import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * The SAML 2.0 assertion's AuthnContextClassRef is the multipleauthn URI, and there is one method only;
 * otherwise names the near miss, the generic class, or the ignored attribute. Source: spec (b) 3.
 */
public final class EnsureSaml2MfaClassRef implements Check<Saml2Assertion> {
    @Override
    public void evaluate(Saml2Assertion a, JudgeContext ctx, Findings out) {
        Saml2MfaClaim c = Saml2MfaClaim.of(a);
        out.add(c.code(), c.message(), c.evidence());
        int statements = a.authnStatements().size();
        int refs = a.authnStatements().stream().mapToInt(s -> s.classRefs().size()).sum();
        if (statements > 1 || refs > 1) {
            out.add(ReasonCode.S2_MULTIPLE_CONTEXTS, "The assertion has " + statements + " AuthnStatements and " + refs
                    + " AuthnContextClassRefs; Entra documents that only one method can be given.",
                    Evidence.at(a.path() + "/AuthnStatement", String.valueOf(refs)));
        }
    }
}
