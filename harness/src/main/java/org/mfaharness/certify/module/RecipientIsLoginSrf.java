package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.ReasonCode;

/** The bearer confirmation's Recipient is the cloud's login.srf (the verdict engine's {@code CheckRecipient}). */
public final class RecipientIsLoginSrf extends FindingsModule {
    public RecipientIsLoginSrf() {
        super(FEDERATED_LEGS, Fed.SAML2.kinds, Fed.SAML2.response, Set.of(), Set.of(), Set.of(ReasonCode.S2_RECIPIENT_MISMATCH), Set.of());
    }

    @Override
    protected String passNote(Leg leg, ArtifactJudgement hop) {
        if (hop.artifact() instanceof org.mfaharness.artifact.Saml2Response r && !r.assertions().isEmpty()) {
            return "Recipient " + r.assertions().get(0).subjectConfirmations().stream().map(Saml2Assertion.SubjectConfirmation::recipient)
                    .findFirst().orElse("?") + ".";
        }
        return null;
    }

    @Override
    public String displayName() {
        return "The Recipient is login.srf";
    }

    @Override
    public String summary() {
        return "Passes when a bearer SubjectConfirmationData@Recipient of every assertion is the cloud's login.srf "
                + "(public cloud: https://login.microsoftonline.com/login.srf).";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.SAML_RECIPIENT);
    }
}
