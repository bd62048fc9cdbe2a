package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.ReasonCode;

/** NameID has format persistent (the verdict engine's {@code CheckNameIdPersistent}). */
public final class NameIdPersistent extends FindingsModule {
    public NameIdPersistent() {
        super(FEDERATED_LEGS, Fed.SAML2.kinds, Fed.SAML2.response, Set.of(), Set.of(), Set.of(ReasonCode.S2_NAMEID_FORMAT), Set.of());
    }

    @Override
    protected String passNote(Leg leg, ArtifactJudgement hop) {
        return "NameID Format persistent.";
    }

    @Override
    public String displayName() {
        return "NameID is persistent";
    }

    @Override
    public String summary() {
        return "Passes when every assertion's NameID has Format urn:oasis:names:tc:SAML:2.0:nameid-format:persistent "
                + "(its value is the user's ImmutableID).";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.SAML_NAMEID);
    }
}
