package org.mfaharness.certify.module;

import java.util.Set;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/** The id_token's {@code aud} is the request's client_id (the verdict engine's {@code CheckEamAudience}). */
public final class AudienceIsClientId extends EamTokenModule {
    public AudienceIsClientId() {
        super(ArtifactKind.EAM_ID_TOKEN, "aud", Set.of(), Set.of(ReasonCode.EAM_AUD), Requirements.EAM_AUD,
                "The id_token's aud is the request's client_id",
                "Passes when the id_token's aud is exactly the client_id the harness, as Entra, sent in the authorize request.");
    }
}
