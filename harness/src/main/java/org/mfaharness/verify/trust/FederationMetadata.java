package org.mfaharness.verify.trust;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.mfaharness.artifact.xml.Dom;
import org.mfaharness.artifact.xml.SecureXml;
import org.mfaharness.artifact.xml.XmlRefusedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SAML 2.0 metadata or AD FS federation metadata (an EntityDescriptor, possibly in an EntitiesDescriptor): the
 * entityID (the IssuerUri Entra is configured with) and every signing certificate of its IdP / STS roles.
 *
 * @param entityId            the entityID
 * @param signingCertificates certificates of KeyDescriptors with use="signing" or no use
 */
public record FederationMetadata(String entityId, List<X509Certificate> signingCertificates) {
    static final String MD_NS = "urn:oasis:names:tc:SAML:2.0:metadata";

    public FederationMetadata {
        signingCertificates = List.copyOf(signingCertificates);
    }

    /** Parses metadata XML (hardened parser; the metadata's own signature is not required). */
    public static FederationMetadata parse(String xml, String source) throws TrustException {
        Document d;
        try {
            d = SecureXml.parse(xml);
        } catch (XmlRefusedException e) {
            throw new TrustException(source + ": metadata refused: " + e.getMessage());
        }
        Element root = d.getDocumentElement();
        Element entity = null;
        if ("EntityDescriptor".equals(root.getLocalName()) && MD_NS.equals(root.getNamespaceURI())) {
            entity = root;
        } else if ("EntitiesDescriptor".equals(root.getLocalName()) && MD_NS.equals(root.getNamespaceURI())) {
            List<Element> all = Dom.descendants(root, MD_NS, "EntityDescriptor");
            if (all.size() == 1) {
                entity = all.get(0);
            } else {
                throw new TrustException(source + ": metadata holds " + all.size() + " entities; pass the IdP's own metadata");
            }
        }
        if (entity == null) {
            throw new TrustException(source + ": not SAML/federation metadata (root is " + root.getLocalName() + ")");
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Element kd : Dom.descendants(entity, MD_NS, "KeyDescriptor")) {
            String use = Dom.attr(kd, "use");
            if (use != null && !use.equals("signing")) {
                continue;
            }
            Element role = (Element) kd.getParentNode();
            String roleName = role.getLocalName();
            if (roleName.equals("SPSSODescriptor")) {
                continue;
            }
            for (Element x : Dom.descendants(kd, Dom.DSIG_NS, "X509Certificate")) {
                X509Certificate c = Certificates.fromBase64(Dom.text(x), source);
                if (certs.stream().noneMatch(c::equals)) {
                    certs.add(c);
                }
            }
        }
        if (certs.isEmpty()) {
            throw new TrustException(source + ": the metadata has no signing certificate for an IdP or STS role");
        }
        String entityId = Dom.attr(entity, "entityID");
        return new FederationMetadata(entityId, certs);
    }
}
