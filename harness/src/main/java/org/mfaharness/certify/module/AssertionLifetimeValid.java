package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;

/** Every assertion is within its validity window when it arrives (the verdict engine's {@code CheckValidityWindow}). */
public final class AssertionLifetimeValid extends FindingsModule {
    private final Fed fed;

    public AssertionLifetimeValid(Fed fed) {
        super(FEDERATED_LEGS, fed.kinds, fed.response, Set.of(fed.codes.timeOk()), Set.of(),
                Set.of(fed.codes.expired(), fed.codes.notYetValid()), Set.of());
        this.fed = fed;
    }

    @Override
    public String displayName() {
        return "The assertion is valid when it arrives";
    }

    @Override
    public String summary() {
        return "Passes when, at the moment the harness received it, every assertion is inside its NotBefore / NotOnOrAfter window"
                + (fed == Fed.SAML2 ? " (and its bearer confirmation's NotOnOrAfter)" : "") + ", allowing 5 minutes of clock skew.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(fed == Fed.WSFED ? Requirements.WSFED_LIFETIME : Requirements.SAML_LIFETIME);
    }
}
