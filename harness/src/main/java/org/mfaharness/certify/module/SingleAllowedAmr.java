package org.mfaharness.certify.module;

import java.util.Set;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/** {@code amr} is an array of exactly one allowed method (the verdict engine's {@code EnsureEamAmr}). */
public final class SingleAllowedAmr extends EamTokenModule {
    public SingleAllowedAmr() {
        super(ArtifactKind.EAM_ID_TOKEN, "amr", Set.of(), Set.of(ReasonCode.EAM_AMR_NOT_ARRAY, ReasonCode.EAM_AMR_COUNT, ReasonCode.EAM_AMR_UNSUPPORTED, ReasonCode.EAM_AMR_TYPE_CONFLICT), Requirements.EAM_AMR,
                "amr is exactly one allowed method",
                "Passes when amr is a JSON array of exactly one method Entra accepts from an EAM (fido, hwk, otp, pop, sc, sms, swk, tel, face, fpt, iris, retina, vbm) of a type acr admits and not knowledge. [\"mfa\"], [\"pwd\"] and two values fail.");
    }
}
