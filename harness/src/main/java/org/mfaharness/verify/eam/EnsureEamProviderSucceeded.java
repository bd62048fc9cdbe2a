package org.mfaharness.verify.eam;

import org.mfaharness.artifact.EamResponse;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/** The provider posted an id_token, not an OAuth error. Source: spec (c) 2. */
public final class EnsureEamProviderSucceeded implements Check<EamResponse> {
    @Override
    public void evaluate(EamResponse r, JudgeContext ctx, Findings out) {
        if (r.error() != null) {
            out.add(ReasonCode.EAM_PROVIDER_ERROR, "The provider answered error=" + r.error()
                    + (r.errorDescription() == null ? "" : " (" + r.errorDescription() + ")") + " instead of an id_token.",
                    Evidence.at("error", r.error()));
        } else if (!r.hasIdToken()) {
            out.add(ReasonCode.EAM_NO_ID_TOKEN, "The provider's form_post has no id_token.", Evidence.at("id_token", null));
        } else {
            out.add(ReasonCode.EAM_RESPONSE_OK, "The provider form_posted an id_token" + (r.state() == null ? "." : " with state."),
                    Evidence.at("id_token", "(present)"));
        }
    }
}
