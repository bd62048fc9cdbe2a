package org.mfaharness.verify.saml2;

import org.mfaharness.artifact.Saml2Response;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.assertion.AssertionCodes;
import org.mfaharness.verify.assertion.VerifyAssertionSignature;
import org.mfaharness.verify.xmldsig.XmlSignatureVerifier;

/**
 * When the Response itself is signed, that signature verifies too (under the same profile). An unsigned Response
 * is fine: Entra needs the assertion signed. Source: spec (b) 1.
 */
public final class VerifyResponseSignature implements Check<Saml2Response> {
    @Override
    public void evaluate(Saml2Response r, JudgeContext ctx, Findings out) {
        if (r.response() == null || !r.responseSigned()) {
            return;
        }
        var trust = ctx.options().trust().certificates();
        VerifyAssertionSignature.report(XmlSignatureVerifier.verify(r.response(), "ID", trust), org.mfaharness.artifact.xml.Dom.path(r.response()),
                AssertionCodes.SAML2, trust, ctx, out);
    }
}
