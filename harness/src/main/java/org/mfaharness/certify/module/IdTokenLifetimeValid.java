package org.mfaharness.certify.module;

import java.util.Set;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/** The id_token's {@code exp}/{@code iat} are numeric and the arrival time is inside them (the verdict engine's {@code CheckEamLifetime}). */
public final class IdTokenLifetimeValid extends EamTokenModule {
    public IdTokenLifetimeValid() {
        super(ArtifactKind.EAM_ID_TOKEN, "exp", Set.of(), Set.of(ReasonCode.EAM_TIME), Requirements.EAM_LIFETIME,
                "The id_token is valid when it arrives",
                "Passes when the id_token has numeric exp and iat and the time it arrived is inside iat..exp (5 minutes of skew).");
    }
}
