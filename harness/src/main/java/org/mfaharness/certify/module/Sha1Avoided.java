package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.ReasonCode;

/**
 * No signature the IdP made uses SHA-1 (the verdict engine verifies RSA-SHA1 and reports {@code SIG_SHA1}). Best
 * practice: plans call it with WARN, so a SHA-1 IdP is "conformant with warnings".
 */
public final class Sha1Avoided extends FindingsModule {
    private final Fed fed;

    public Sha1Avoided(Fed fed) {
        super(FEDERATED_LEGS, fed.kinds, fed.response, Set.of(), Set.of(), Set.of(ReasonCode.SIG_SHA1), Set.of());
        this.fed = fed;
    }

    @Override
    protected String passNote(Leg leg, ArtifactJudgement hop) {
        return hop.findings().stream().filter(f -> f.code().equals(fed.codes.sigValid().name())).findFirst()
                .map(f -> "signed with " + f.evidence().value() + ".").orElse("no SHA-1 signature seen.");
    }

    @Override
    public String displayName() {
        return "Signatures use SHA-256, not SHA-1";
    }

    @Override
    public String summary() {
        return "Passes when no signature of the " + fed.response + " uses RSA-SHA1 or a SHA-1 digest. SHA-1 still verifies "
                + "(Entra accepts it), so this is best practice and warns.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.BP_SHA256);
    }
}
