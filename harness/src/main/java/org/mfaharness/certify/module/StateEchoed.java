package org.mfaharness.certify.module;

import java.util.Set;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/** The provider's response echoes {@code state} (the verdict engine's {@code CheckEamState}). */
public final class StateEchoed extends EamTokenModule {
    public StateEchoed() {
        super(ArtifactKind.EAM_RESPONSE, null, Set.of(), Set.of(ReasonCode.EAM_STATE_MISMATCH), Requirements.EAM_STATE,
                "The response echoes state",
                "Passes when the provider's form_post to Entra's redirect_uri carries the state the harness sent, unchanged.");
    }
}
