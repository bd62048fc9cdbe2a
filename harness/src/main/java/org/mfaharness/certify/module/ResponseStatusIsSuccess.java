package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.ReasonCode;

/** Every SAML 2.0 Response has StatusCode Success (the verdict engine's {@code EnsureSuccessStatus}). */
public final class ResponseStatusIsSuccess extends FindingsModule {
    public ResponseStatusIsSuccess() {
        super(FEDERATED_LEGS, Fed.SAML2.kinds, Fed.SAML2.response, Set.of(), Set.of(), Set.of(ReasonCode.S2_STATUS_NOT_SUCCESS), Set.of());
    }

    @Override
    protected String passNote(Leg leg, ArtifactJudgement hop) {
        return "StatusCode Success.";
    }

    @Override
    public String displayName() {
        return "The Response's status is Success";
    }

    @Override
    public String summary() {
        return "Passes when every Response the IdP POSTed to login.srf has the top-level StatusCode urn:oasis:names:tc:SAML:2.0:status:Success.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.SAML_STATUS);
    }
}
