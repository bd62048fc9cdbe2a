package org.mfaharness.certify.module;

/** WS-Fed {@code wfresh=0} forces re-authentication at the IdP. */
public final class FreshAuthenticationOnWfresh0 extends FreshAuthentication {
    public FreshAuthenticationOnWfresh0() {
        super(Fed.WSFED);
    }

    @Override
    public String displayName() {
        return "wfresh=0 forces re-authentication";
    }
}
