package org.mfaharness.verify.wsfed;

import org.mfaharness.artifact.WsFedResponse;
import org.mfaharness.artifact.WsFedSignInRequest;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/** Records the WS-Fed sign-in request's wauth and wfresh when captured (INFO). Source: spec (a) 6. */
public final class RecordSignInRequest implements Check<WsFedResponse> {
    @Override
    public void evaluate(WsFedResponse r, JudgeContext ctx, Findings out) {
        WsFedSignInRequest req = ctx.correlation().wsFedRequest();
        if (req == null) {
            return; // CheckStepUpHonoured already records that the request is unknown.
        }
        out.add(ReasonCode.WSF_REQUEST_PARAMS, "Entra's request to the IdP had wauth=" + (req.wauth() == null ? "(none)" : req.wauth())
                + " and wfresh=" + (req.wfresh() == null ? "(none)" : req.wfresh()) + ".",
                Evidence.at("wauth", req.wauth()));
    }
}
