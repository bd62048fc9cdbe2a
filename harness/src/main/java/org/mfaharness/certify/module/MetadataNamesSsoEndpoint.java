package org.mfaharness.certify.module;

/** The SAML 2.0 metadata names an https HTTP-Redirect SingleSignOnService (where the harness sends its AuthnRequest). */
public final class MetadataNamesSsoEndpoint extends MetadataNamesEndpoint {
    public MetadataNamesSsoEndpoint() {
        super(Fed.SAML2);
    }

    @Override
    public String displayName() {
        return "The metadata names the HTTP-Redirect SSO endpoint";
    }

    @Override
    public String summary() {
        return "Passes when the metadata's IDPSSODescriptor has a SingleSignOnService for the HTTP-Redirect binding with an https "
                + "Location; the harness sends its AuthnRequests there, as Entra does to the domain's passiveSignInUri.";
    }
}
