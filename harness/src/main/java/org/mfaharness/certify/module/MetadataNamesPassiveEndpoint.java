package org.mfaharness.certify.module;

/** The WS-Fed metadata names an https PassiveRequestorEndpoint (where the harness, as Entra, sends wsignin1.0). */
public final class MetadataNamesPassiveEndpoint extends MetadataNamesEndpoint {
    public MetadataNamesPassiveEndpoint() {
        super(Fed.WSFED);
    }

    @Override
    public String displayName() {
        return "The metadata names the passive (wsignin1.0) endpoint";
    }

    @Override
    public String summary() {
        return "Passes when the metadata's fed:SecurityTokenServiceType role has a PassiveRequestorEndpoint with an https address;"
                + " the harness sends its sign-ins there, as Entra does to the domain's passiveSignInUri.";
    }
}
