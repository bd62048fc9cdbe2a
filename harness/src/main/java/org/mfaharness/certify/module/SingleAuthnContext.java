package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/** Each SAML 2.0 assertion gives one authentication method (the verdict engine's {@code S2_MULTIPLE_CONTEXTS}). */
public final class SingleAuthnContext extends FindingsModule {
    public SingleAuthnContext() {
        super(FEDERATED_LEGS, Fed.SAML2.kinds, Fed.SAML2.response, Set.of(), Set.of(ReasonCode.S2_MULTIPLE_CONTEXTS), Set.of(), Set.of());
    }

    @Override
    public String displayName() {
        return "One AuthnStatement with one AuthnContextClassRef";
    }

    @Override
    public String summary() {
        return "Passes when every assertion has a single AuthnStatement with a single AuthnContextClassRef; Entra reads only one method.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.SAML_ONE_METHOD);
    }
}
