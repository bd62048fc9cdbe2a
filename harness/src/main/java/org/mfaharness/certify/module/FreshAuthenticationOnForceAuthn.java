package org.mfaharness.certify.module;

/** SAML 2.0 {@code ForceAuthn="true"} forces re-authentication at the IdP. */
public final class FreshAuthenticationOnForceAuthn extends FreshAuthentication {
    public FreshAuthenticationOnForceAuthn() {
        super(Fed.SAML2);
    }

    @Override
    public String displayName() {
        return "ForceAuthn forces re-authentication";
    }
}
