package org.mfaharness.verify.saml2;

import org.mfaharness.artifact.Saml2Response;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/** The Response's top-level StatusCode is Success. Source: spec (b) 1. */
public final class EnsureSuccessStatus implements Check<Saml2Response> {
    static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

    @Override
    public void evaluate(Saml2Response r, JudgeContext ctx, Findings out) {
        if (r.response() == null) {
            return; // A bare assertion has no status.
        }
        if (!SUCCESS.equals(r.statusCode())) {
            out.add(ReasonCode.S2_STATUS_NOT_SUCCESS, "The IdP answered with status " + r.statusCode()
                    + (r.statusMessage() == null ? "" : " (\"" + r.statusMessage().strip() + "\")") + ", not Success.",
                    Evidence.expected("Response/Status/StatusCode/@Value", r.statusCode(), SUCCESS));
        }
    }
}
