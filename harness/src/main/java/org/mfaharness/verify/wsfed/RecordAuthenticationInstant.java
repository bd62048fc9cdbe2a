package org.mfaharness.verify.wsfed;

import org.mfaharness.artifact.saml.Saml11Assertion;
import org.mfaharness.artifact.saml.SamlAttribute;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * Records the authentication instant (the {@code authenticationinstant} claim, else the AuthenticationStatement's
 * AuthenticationInstant): Entra's sign-in frequency uses it, and it is the first-factor time. Source: spec §1a.
 */
public final class RecordAuthenticationInstant implements Check<Saml11Assertion> {
    static final String INSTANT_CLAIM = "authenticationinstant";

    @Override
    public void evaluate(Saml11Assertion a, JudgeContext ctx, Findings out) {
        for (SamlAttribute at : a.attributes()) {
            if (INSTANT_CLAIM.equals(at.name()) && !at.values().isEmpty()) {
                out.add(ReasonCode.WSF_AUTHN_INSTANT, "The IdP reports authenticationinstant " + at.values().get(0) + ".",
                        Evidence.at(at.path() + "/AttributeValue", at.values().get(0)));
                return;
            }
        }
        for (Saml11Assertion.AuthenticationStatement st : a.authenticationStatements()) {
            if (st.instant() != null) {
                out.add(ReasonCode.WSF_AUTHN_INSTANT, "The IdP reports AuthenticationInstant " + st.instant() + ".",
                        Evidence.at(st.path() + "/@AuthenticationInstant", st.instant()));
                return;
            }
        }
    }
}
