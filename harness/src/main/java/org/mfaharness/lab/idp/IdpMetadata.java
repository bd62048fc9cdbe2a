package org.mfaharness.lab.idp;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.mfaharness.lab.config.Directory;
import org.mfaharness.lab.web.Html;

/**
 * The metadata document a lab IdP's operator would publish for one federated domain (unsigned): for the WS-Fed IdP
 * the AD FS form (an {@code EntityDescriptor} with a {@code fed:SecurityTokenServiceType} RoleDescriptor naming the
 * passive endpoint {@code /adfs/ls/}), for the SAML 2.0 IdP an {@code IDPSSODescriptor} with the HTTP-Redirect
 * SingleSignOnService {@code /saml2/sso} and persistent NameIDs. The entityID is the domain's IssuerUri and the
 * signing certificate is the one the IdP signs with. Sources: WS-Federation 1.2 section 3.1, SAML 2.0 metadata.
 */
public final class IdpMetadata {
    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String FED = "http://docs.oasis-open.org/wsfed/federation/200706";

    private IdpMetadata() {
    }

    /**
     * The metadata of {@code domain}'s IdP.
     *
     * @param domain      a federated domain
     * @param idpBase     the IdP server's base URL
     * @param certificate the IdP's signing certificate
     */
    public static String of(Directory.DomainInfo domain, String idpBase, X509Certificate certificate) {
        if (domain.idp() == null) {
            throw new IllegalArgumentException("domain " + domain.name() + " is not federated");
        }
        String key = "<KeyDescriptor use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data>"
                + "<X509Certificate>" + base64(certificate) + "</X509Certificate></X509Data></KeyInfo></KeyDescriptor>";
        String entity = "<EntityDescriptor xmlns=\"" + MD + "\" entityID=\"" + Html.esc(domain.issuerUri()) + "\">";
        if (domain.idp().protocol() == Directory.Protocol.WSFED) {
            return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + entity
                    + "<RoleDescriptor xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:fed=\"" + FED + "\""
                    + " xsi:type=\"fed:SecurityTokenServiceType\" protocolSupportEnumeration=\"" + FED + "\">" + key
                    + "<fed:TokenTypesOffered><fed:TokenType Uri=\"urn:oasis:names:tc:SAML:1.0:assertion\"/></fed:TokenTypesOffered>"
                    + "<fed:PassiveRequestorEndpoint><wsa:EndpointReference xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                    + "<wsa:Address>" + Html.esc(idpBase) + "/adfs/ls/</wsa:Address></wsa:EndpointReference>"
                    + "</fed:PassiveRequestorEndpoint></RoleDescriptor></EntityDescriptor>\n";
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + entity
                + "<IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">" + key
                + "<NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</NameIDFormat>"
                + "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\""
                + Html.esc(idpBase) + "/saml2/sso\"/></IDPSSODescriptor></EntityDescriptor>\n";
    }

    private static String base64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
