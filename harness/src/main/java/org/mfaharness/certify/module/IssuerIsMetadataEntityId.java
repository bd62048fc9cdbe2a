package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/** The assertion's Issuer is the metadata's entityID, exactly (the verdict engine's {@code CheckIssuerMatchesIssuerUri}). */
public final class IssuerIsMetadataEntityId extends FindingsModule {
    public IssuerIsMetadataEntityId() {
        super(FEDERATED_LEGS, Fed.SAML2.kinds, Fed.SAML2.response, Set.of(ReasonCode.S2_ISSUER_OK), Set.of(),
                Set.of(ReasonCode.S2_ISSUER_MISMATCH), Set.of());
    }

    @Override
    public String displayName() {
        return "The Issuer is the metadata's entityID";
    }

    @Override
    public String summary() {
        return "Passes when every assertion's Issuer equals the metadata's entityID character for character — the value the "
                + "domain's IssuerUri in Entra is set to.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.SAML_ISSUER);
    }
}
