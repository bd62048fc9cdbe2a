package org.mfaharness.certify.module;

import java.util.Set;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/** The id_token echoes the request's {@code nonce} (the verdict engine's {@code CheckEamNonce}). */
public final class NonceEchoed extends EamTokenModule {
    public NonceEchoed() {
        super(ArtifactKind.EAM_ID_TOKEN, "nonce", Set.of(), Set.of(ReasonCode.EAM_NONCE), Requirements.EAM_NONCE,
                "The id_token echoes the nonce",
                "Passes when the id_token carries a nonce equal to the one in the harness's authorize request.");
    }
}
