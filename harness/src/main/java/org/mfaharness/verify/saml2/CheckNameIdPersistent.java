package org.mfaharness.verify.saml2;

import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/** NameID has format persistent (its value is the user's ImmutableID). Source: spec (b) 2. */
public final class CheckNameIdPersistent implements Check<Saml2Assertion> {
    static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    @Override
    public void evaluate(Saml2Assertion a, JudgeContext ctx, Findings out) {
        if (!PERSISTENT.equals(a.nameIdFormat())) {
            out.add(ReasonCode.S2_NAMEID_FORMAT, "The NameID format is " + (a.nameIdFormat() == null ? "absent" : a.nameIdFormat())
                    + "; Entra needs " + PERSISTENT + " carrying the ImmutableID.",
                    Evidence.expected(a.nameIdPath() + "/@Format", a.nameIdFormat(), PERSISTENT));
        }
    }
}
