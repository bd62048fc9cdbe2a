package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;

/** Every assertion's audience is {@code urn:federation:MicrosoftOnline} (the verdict engine's {@code CheckAudience}). */
public final class AudienceIsMicrosoftOnline extends FindingsModule {
    private final Fed fed;

    public AudienceIsMicrosoftOnline(Fed fed) {
        super(FEDERATED_LEGS, fed.kinds, fed.response, Set.of(fed.codes.audienceOk()), Set.of(),
                Set.of(fed.codes.audienceMismatch()), Set.of());
        this.fed = fed;
    }

    @Override
    public String displayName() {
        return "The audience is urn:federation:MicrosoftOnline";
    }

    @Override
    public String summary() {
        return "Passes when the audience restriction of every assertion names urn:federation:MicrosoftOnline, compared exactly: "
                + "the assertion was issued by the IdP's relying party for Microsoft 365.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(fed == Fed.WSFED ? Requirements.WSFED_AUDIENCE : Requirements.SAML_AUDIENCE);
    }
}
