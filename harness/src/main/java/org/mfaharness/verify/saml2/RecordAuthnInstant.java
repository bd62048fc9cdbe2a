package org.mfaharness.verify.saml2;

import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/** Records AuthnInstant, which Entra's sign-in frequency uses (INFO). Source: spec §1b. */
public final class RecordAuthnInstant implements Check<Saml2Assertion> {
    @Override
    public void evaluate(Saml2Assertion a, JudgeContext ctx, Findings out) {
        for (Saml2Assertion.AuthnStatement st : a.authnStatements()) {
            if (st.authnInstant() != null) {
                out.add(ReasonCode.S2_AUTHN_INSTANT, "The IdP reports AuthnInstant " + st.authnInstant() + ".",
                        Evidence.at(st.path() + "/@AuthnInstant", st.authnInstant()));
                return;
            }
        }
    }
}
