package org.mfaharness.verify.eam;

import java.util.Objects;
import org.mfaharness.artifact.EamRequest;
import org.mfaharness.artifact.EamResponse;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/** The provider echoed the request's state unchanged. Runs only when the request was captured. Source: spec (c) 2. */
public final class CheckEamState implements Check<EamResponse> {
    @Override
    public void evaluate(EamResponse r, JudgeContext ctx, Findings out) {
        EamRequest req = ctx.correlation().eamRequest();
        if (req == null) {
            out.notChecked(ReasonCode.EAM_STATE_MISMATCH, "Entra's authorize request to the provider was not captured");
            return;
        }
        if (req.state() != null && !Objects.equals(req.state(), r.state())) {
            out.add(ReasonCode.EAM_STATE_MISMATCH, "The provider returned state " + r.state() + ", but Entra sent " + req.state() + ".",
                    Evidence.expected("state", r.state(), req.state()));
        }
    }
}
