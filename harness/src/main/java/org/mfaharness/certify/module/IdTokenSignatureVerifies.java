package org.mfaharness.certify.module;

import java.util.Set;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/** The provider's id_token verifies with a key of its jwks_uri (the verdict engine's {@code VerifyJwtSignature.eam()} and JOSE hygiene checks). */
public final class IdTokenSignatureVerifies extends EamTokenModule {
    public IdTokenSignatureVerifies() {
        super(ArtifactKind.EAM_ID_TOKEN, null, Set.of(ReasonCode.EAM_SIG_VALID), Set.of(ReasonCode.EAM_SIG_INVALID, ReasonCode.EAM_KID_UNKNOWN, ReasonCode.EAM_SIG_UNCHECKED, ReasonCode.JOSE_ALG_NONE, ReasonCode.JOSE_HMAC_ALG, ReasonCode.JOSE_HEADER_KEY, ReasonCode.JOSE_KID_INVALID, ReasonCode.JOSE_DUPLICATE_MEMBER), Requirements.EAM_SIGNATURE,
                "The id_token is signed with a key of jwks_uri",
                "Passes when the id_token is RS256-signed (no alg none, no HMAC, no key in the header) and verifies with a key published at the provider's jwks_uri, found by kid.");
    }
}
