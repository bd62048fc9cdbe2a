package org.mfaharness.artifact.saml;

/** Namespace URIs of SAML, WS-Trust and WS-Policy. */
public final class SamlNamespaces {
    public static final String SAML11 = "urn:oasis:names:tc:SAML:1.0:assertion";
    public static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String SAML2P = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String WSTRUST_2005 = "http://schemas.xmlsoap.org/ws/2005/02/trust";
    public static final String WSTRUST_13 = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    public static final String WSP = "http://schemas.xmlsoap.org/ws/2004/09/policy";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String WSA_2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";

    private SamlNamespaces() {
    }
}
