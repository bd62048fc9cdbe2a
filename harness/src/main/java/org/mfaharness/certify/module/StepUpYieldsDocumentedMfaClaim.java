package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/**
 * When Entra asks for MFA (WS-Fed {@code wauth=…/multipleauthn}; SAML 2.0 {@code RequestedAuthnContext}), the IdP's
 * answer carries the MFA claim in a form Entra honours. Reads the verdict engine's {@code EnsureSaml11MfaClaim} and
 * {@code CheckStepUpHonoured} (WS-Fed) or {@code EnsureSaml2MfaClassRef} (SAML 2.0) — the content, whatever the
 * signature. In SAML 2.0 a claim only in attributes is counted once, by {@link AttributeOnlyMfaIsNotAccepted}.
 */
public final class StepUpYieldsDocumentedMfaClaim extends FindingsModule {
    private final Fed fed;

    public StepUpYieldsDocumentedMfaClaim(Fed fed) {
        super(STEP_UP_LEGS, fed.kinds, fed.response,
                fed == Fed.WSFED
                        ? Set.of(ReasonCode.WSF_MFA_AUTHNSTMT, ReasonCode.WSF_MFA_ATTR_AUTHMETHOD, ReasonCode.WSF_MFA_ATTR_AMR)
                        : Set.of(ReasonCode.S2_MFA_CLASSREF),
                fed == Fed.WSFED ? Set.of(ReasonCode.WSF_MFA_WIA_OR_MFA) : Set.of(ReasonCode.S2_MFA_CLASSREF_UNDOCUMENTED),
                fed == Fed.WSFED
                        ? Set.of(ReasonCode.WSF_NO_MFA_CLAIM, ReasonCode.WSF_MFA_URI_MALFORMED, ReasonCode.WSF_MFA_WRONG_ATTRIBUTE,
                                ReasonCode.WSF_STEPUP_IGNORED)
                        : Set.of(ReasonCode.S2_NO_MFA_CLAIM, ReasonCode.S2_MFA_URI_MALFORMED, ReasonCode.S2_NONMICROSOFT_MFA_CLASS),
                fed == Fed.WSFED ? Set.of() : Set.of(ReasonCode.S2_MFA_IN_ATTRIBUTES_IGNORED));
        this.fed = fed;
    }

    @Override
    protected String deferredTo() {
        return "AttributeOnlyMfaIsNotAccepted (MFA was asserted, in attributes only)";
    }

    @Override
    public String displayName() {
        return "Asked for MFA, the IdP asserts it in a documented form";
    }

    @Override
    public String summary() {
        return fed == Fed.WSFED
                ? "Passes when both sign-ins that carry wauth=http://schemas.microsoft.com/claims/multipleauthn end with an assertion "
                        + "carrying that URI exactly, in AuthenticationStatement@AuthenticationMethod, the authenticationmethod "
                        + "attribute or AD FS's authnmethodsreferences. Only wiaormultiauthn warns (Windows authentication alone can "
                        + "produce it); no claim, a misspelt URI (https, case) or another attribute fails."
                : "Passes when both sign-ins whose AuthnRequest carries RequestedAuthnContext multipleauthn end with "
                        + "AuthnContextClassRef http://schemas.microsoft.com/claims/multipleauthn exactly. wiaormultiauthn warns "
                        + "(undocumented for SAML 2.0); a password class, a misspelt URI or a generic MFA class (REFEDS, "
                        + "MobileTwoFactor) fails. MFA put only in attributes is AttributeOnlyMfaIsNotAccepted's failure. What Entra "
                        + "sends for SAML 2.0 step-up is undocumented: the harness sends RequestedAuthnContext (Comparison exact).";
    }

    @Override
    public List<Requirement> requirements() {
        return fed == Fed.WSFED ? List.of(Requirements.WSFED_AUTHNMETHOD, Requirements.WSFED_WAUTH) : List.of(Requirements.SAML_CLASSREF);
    }
}
