package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.ReasonCode;

/**
 * Each Response answers the harness's own AuthnRequest: InResponseTo equals its ID (the verdict engine's
 * {@code CheckInResponseTo}, correlated with the AuthnRequest the proxy captured).
 */
public final class ResponseInResponseToRequest extends FindingsModule {
    public ResponseInResponseToRequest() {
        super(FEDERATED_LEGS, Fed.SAML2.kinds, Fed.SAML2.response, Set.of(), Set.of(), Set.of(ReasonCode.S2_INRESPONSETO_MISMATCH), Set.of());
    }

    @Override
    protected String passNote(Leg leg, ArtifactJudgement hop) {
        String id = leg.sent().get("AuthnRequest ID");
        return "InResponseTo is the AuthnRequest's ID" + (id == null ? "." : " " + id + ".");
    }

    @Override
    public String displayName() {
        return "InResponseTo matches the AuthnRequest";
    }

    @Override
    public String summary() {
        return "Passes when the Response's InResponseTo and the bearer confirmation's InResponseTo equal the ID of the AuthnRequest "
                + "the harness sent in that sign-in; an unsolicited or replayed Response fails.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.SAML_INRESPONSETO);
    }
}
