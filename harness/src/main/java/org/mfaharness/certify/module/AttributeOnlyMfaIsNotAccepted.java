package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/**
 * The SAML 2.0 IdP does not rely on attributes for MFA, which Entra ignores (the verdict engine's
 * {@code S2_MFA_IN_ATTRIBUTES_IGNORED}): the attribute-only trap.
 */
public final class AttributeOnlyMfaIsNotAccepted extends FindingsModule {
    public AttributeOnlyMfaIsNotAccepted() {
        super(STEP_UP_LEGS, Fed.SAML2.kinds, Fed.SAML2.response, Set.of(), Set.of(),
                Set.of(ReasonCode.S2_MFA_IN_ATTRIBUTES_IGNORED), Set.of());
    }

    @Override
    public String displayName() {
        return "MFA is not asserted only in attributes";
    }

    @Override
    public String summary() {
        return "Passes unless the IdP answers a step-up with MFA only in attributes (authnmethodsreferences, "
                + "multifactorauthenticationinstant) and a non-MFA AuthnContextClassRef: Entra ignores attributes for MFA in "
                + "SAML 2.0, so such a sign-in has no MFA claim at all.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.SAML_ATTRIBUTES_IGNORED);
    }
}
