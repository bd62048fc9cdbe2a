package org.mfaharness.certify.module;

import java.util.Set;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/** The id_token's {@code iss} is the discovery issuer, character for character (the verdict engine's {@code CheckEamIssuer}). */
public final class IssuerMatchesDiscovery extends EamTokenModule {
    public IssuerMatchesDiscovery() {
        super(ArtifactKind.EAM_ID_TOKEN, "iss", Set.of(), Set.of(ReasonCode.EAM_ISSUER_MISMATCH), Requirements.EAM_ISSUER,
                "The id_token's iss is the discovery issuer, exactly",
                "Passes when the id_token's iss equals the discovery document's issuer character for character (https://example.com is not https://example.com/ nor https://example.com:443).");
    }
}
