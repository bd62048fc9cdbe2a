package org.mfaharness.certify.module;

import java.util.Set;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/** The id_token's {@code sub} is the {@code id_token_hint}'s {@code sub} (the verdict engine's {@code CheckEamSubject}). */
public final class IdTokenSubjectIsHintSubject extends EamTokenModule {
    public IdTokenSubjectIsHintSubject() {
        super(ArtifactKind.EAM_ID_TOKEN, "sub", Set.of(), Set.of(ReasonCode.EAM_SUB_MISMATCH), Requirements.EAM_SUB,
                "The id_token's sub is the hint's sub",
                "Passes when the id_token's sub is the sub of the id_token_hint the harness minted; returning the oid or the UPN fails.");
    }
}
