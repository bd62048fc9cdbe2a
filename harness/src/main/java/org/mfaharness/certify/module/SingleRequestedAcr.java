package org.mfaharness.certify.module;

import java.util.Set;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/** {@code acr} is one value, one of those requested (the verdict engine's {@code EnsureEamAcr}). */
public final class SingleRequestedAcr extends EamTokenModule {
    public SingleRequestedAcr() {
        super(ArtifactKind.EAM_ID_TOKEN, "acr", Set.of(), Set.of(ReasonCode.EAM_ACR_MISSING, ReasonCode.EAM_ACR_NOT_REQUESTED, ReasonCode.EAM_ACR_MULTIPLE), Requirements.EAM_ACR,
                "acr is one of the requested values",
                "Passes when the id_token's acr is a single value, one of those the claims parameter requested (the harness requests possessionorinherence, as Microsoft's sample does).");
    }
}
