package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.ReasonCode;

/** The IDPEmail attribute is present (the verdict engine's {@code CheckIdpEmail}). */
public final class IdpEmailPresent extends FindingsModule {
    public IdpEmailPresent() {
        super(FEDERATED_LEGS, Fed.SAML2.kinds, Fed.SAML2.response, Set.of(), Set.of(), Set.of(ReasonCode.S2_NO_IDPEMAIL), Set.of());
    }

    @Override
    protected String passNote(Leg leg, ArtifactJudgement hop) {
        return "IDPEmail present.";
    }

    @Override
    public String displayName() {
        return "IDPEmail carries the UPN";
    }

    @Override
    public String summary() {
        return "Passes when every assertion has an IDPEmail attribute with a non-empty value (the user's UPN).";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.SAML_IDPEMAIL);
    }
}
