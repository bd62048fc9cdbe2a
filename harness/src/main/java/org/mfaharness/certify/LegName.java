package org.mfaharness.certify;

/** The sign-ins a plan drives, in the order they run. */
public enum LegName {
    /** WS-Fed without wauth / SAML 2.0 without RequestedAuthnContext, in a fresh browser: no MFA asked for. */
    NO_STEP_UP("no-step-up", "sign-in without an MFA request"),
    /** WS-Fed wauth=…/multipleauthn / SAML 2.0 RequestedAuthnContext multipleauthn: Entra asks for MFA. */
    STEP_UP("step-up", "sign-in asking for MFA"),
    /** The step-up again with wfresh=0 / ForceAuthn="true", in the same browser: fresh authentication demanded. */
    FRESH("fresh", "sign-in demanding fresh authentication"),
    /** The EAM authorize POST, the user completing the provider's second factor. */
    EAM("eam", "EAM second factor completed"),
    /** The EAM authorize POST again, the user typing wrong codes until the provider gives up. */
    EAM_DENIAL("eam-denial", "EAM second factor failed on purpose");

    private final String label;
    private final String description;

    LegName(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
