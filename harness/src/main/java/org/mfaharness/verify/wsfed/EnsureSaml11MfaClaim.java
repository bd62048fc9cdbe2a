package org.mfaharness.verify.wsfed;

import org.mfaharness.artifact.saml.Saml11Assertion;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;

/**
 * The SAML 1.1 assertion carries the MFA claim in a form Entra honours; otherwise names the near miss or lists
 * what the IdP asserted instead. Source: spec (a) 4–5, how-to-mfa-expected-inbound-assertions.
 */
public final class EnsureSaml11MfaClaim implements Check<Saml11Assertion> {
    @Override
    public void evaluate(Saml11Assertion a, JudgeContext ctx, Findings out) {
        Saml11MfaClaim c = Saml11MfaClaim.of(a);
        out.add(c.code(), c.message(), c.evidence());
    }
}
