package org.mfaharness.certify.module;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.Requirement;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.ReasonCode;

/**
 * A module on the provider's id_token (or its form_post response) after the user completed the second factor: it
 * maps codes of the verdict engine's {@code EamJudge}. Configured per module; each class is named for its rule.
 */
abstract class EamTokenModule extends FindingsModule {
    private final String displayName;
    private final String summary;
    private final Requirement requirement;
    private final String claim;

    EamTokenModule(ArtifactKind kind, String claim, Set<ReasonCode> pass, Set<ReasonCode> fail, Requirement requirement, String displayName,
                   String summary) {
        super(EnumSet.of(LegName.EAM), Set.of(kind), kind == ArtifactKind.EAM_ID_TOKEN ? "EAM id_token" : "EAM response",
                pass, Set.of(), fail, Set.of());
        this.displayName = displayName;
        this.summary = summary;
        this.requirement = requirement;
        this.claim = claim;
    }

    @Override
    protected String passNote(Leg leg, ArtifactJudgement hop) {
        if (claim != null && hop.artifact() instanceof JwtToken t) {
            var v = t.claims().get(claim);
            return claim + " = " + (v == null ? "(absent)" : v.isTextual() ? v.asText() : v.toString()) + ".";
        }
        return null;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(requirement);
    }
}
