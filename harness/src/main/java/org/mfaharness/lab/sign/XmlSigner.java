package org.mfaharness.lab.sign;

import java.util.Objects;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Enveloped XML-DSig the way AD FS and SAML 2.0 IdPs sign: one Reference to the signed element's ID, the
 * enveloped-signature and exclusive c14n transforms, RSA-SHA256 (or RSA-SHA1 on purpose), the signing certificate
 * in KeyInfo. Thread-safe; the element's document is modified in place.
 */
public final class XmlSigner {

    /** The signature and digest algorithm pair. */
    public enum Algorithm {
        RSA_SHA256(XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, "http://www.w3.org/2001/04/xmlenc#sha256"),
        RSA_SHA1(XMLSignature.ALGO_ID_SIGNATURE_RSA, "http://www.w3.org/2000/09/xmldsig#sha1");

        final String signatureUri;
        final String digestUri;

        Algorithm(String signatureUri, String digestUri) {
            this.signatureUri = signatureUri;
            this.digestUri = digestUri;
        }
    }

    static {
        org.apache.xml.security.Init.init();
    }

    private final SigningKey key;
    private final Algorithm algorithm;

    private XmlSigner(SigningKey key, Algorithm algorithm) {
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    /** A signer with RSA-SHA256 that puts the certificate in KeyInfo. */
    public static XmlSigner rsaSha256(SigningKey key) {
        return new XmlSigner(key, Algorithm.RSA_SHA256);
    }

    /** The same signer with another algorithm. */
    public XmlSigner withAlgorithm(Algorithm a) {
        return new XmlSigner(key, a);
    }

    /**
     * Signs {@code element}, which must carry the ID attribute {@code idAttribute} (SAML 1.1: {@code AssertionID};
     * SAML 2.0: {@code ID}). The {@code ds:Signature} is inserted before {@code insertBefore} (null: appended).
     */
    public void sign(Element element, String idAttribute, Node insertBefore) {
        String id = element.getAttributeNS(null, idAttribute);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("element has no " + idAttribute + " attribute");
        }
        try {
            // Documents built with createElementNS lack xmlns attributes until serialized; c14n needs them now,
            // or the digest would not survive a round trip. DOM Level 3 namespace fixup adds them.
            element.getOwnerDocument().normalizeDocument();
            element.setIdAttributeNS(null, idAttribute, true);
            XMLSignature sig = new XMLSignature(element.getOwnerDocument(), null, algorithm.signatureUri,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            element.insertBefore(sig.getElement(), insertBefore);
            Transforms transforms = new Transforms(element.getOwnerDocument());
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            sig.addDocument("#" + id, transforms, algorithm.digestUri);
            sig.addKeyInfo(key.certificate());
            sig.sign(key.privateKey());
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("XML signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "XmlSigner[" + algorithm + ", " + key + "]";
    }
}
