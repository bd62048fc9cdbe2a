package org.mfaharness.verify.xmldsig;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.mfaharness.artifact.xml.Dom;
import org.mfaharness.verify.trust.Certificates;
import org.mfaharness.verify.trust.TrustException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Verifies the enveloped signature of one element under the project's XML-DSig profile. Checks, in order:
 * one ds:Signature child; the SignedInfo's algorithms and transforms are in the allow-lists; exactly one Reference
 * whose URI is {@code #} + the element's own ID; no ID value appears twice anywhere in the document; the digest
 * matches (a mismatch fails under any key); the signature value verifies with a pinned certificate; and the node the
 * reference resolved to is the element itself. Thread-safe; registers the ID attribute on {@code element} only.
 */
public final class XmlSignatureVerifier {
    /** Santuario logs digest mismatches as JUL warnings; findings report them, so its logger is quietened (held strongly). */
    private static final java.util.logging.Logger SANTUARIO_LOG = java.util.logging.Logger.getLogger("org.apache.xml.security");

    static {
        SANTUARIO_LOG.setLevel(java.util.logging.Level.SEVERE);
        org.apache.xml.security.Init.init();
    }

    /** Signature methods accepted: RSA and ECDSA with SHA-1 (reported WARN) or SHA-2. No HMAC, no MD5. */
    public static final Set<String> SIGNATURE_METHODS = Set.of(
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512");
    /** Digest methods accepted. */
    public static final Set<String> DIGEST_METHODS = Set.of(
            "http://www.w3.org/2000/09/xmldsig#sha1",
            "http://www.w3.org/2001/04/xmlenc#sha256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384",
            "http://www.w3.org/2001/04/xmlenc#sha512");
    /** Canonicalization methods accepted for SignedInfo and as transforms. */
    public static final Set<String> C14N_METHODS = Set.of(
            "http://www.w3.org/2001/10/xml-exc-c14n#",
            "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments");
    /** The enveloped-signature transform. */
    public static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    private XmlSignatureVerifier() {
    }

    /**
     * Verifies the signature that is a direct child of {@code element}.
     *
     * @param idAttribute the element's ID attribute name ({@code AssertionID} or {@code ID})
     * @param trust       pinned certificates; empty means "no trust given"
     */
    public static SignatureCheck verify(Element element, String idAttribute, List<X509Certificate> trust) {
        List<Element> sigs = Dom.children(element, Dom.DSIG_NS, "Signature");
        String elementPath = Dom.path(element);
        if (sigs.isEmpty()) {
            // A Signature in another namespace (an https:// typo, a missing prefix binding) is no signature at all,
            // but saying only "unsigned" would hide what the IdP did wrong.
            Element foreign = Dom.childElements(element).stream().filter(e -> "Signature".equals(e.getLocalName()))
                    .findFirst().orElse(null);
            String reason = foreign == null ? "no ds:Signature child element"
                    : "its Signature element is in " + (foreign.getNamespaceURI() == null ? "no namespace"
                    : "namespace " + foreign.getNamespaceURI()) + ", not XML-DSig's " + Dom.DSIG_NS + ", so no verifier sees it";
            return new SignatureCheck(SignatureCheck.Status.UNSIGNED, reason, null, null, null, null, elementPath + "/Signature");
        }
        Element sig = sigs.get(0);
        String path = Dom.path(sig);
        X509Certificate keyInfo = keyInfoCertificate(sig);
        if (sigs.size() > 1) {
            return new SignatureCheck(SignatureCheck.Status.PROFILE_VIOLATION,
                    elementPath + " has " + sigs.size() + " ds:Signature children", null, null, keyInfo, null, path);
        }
        Optional<Element> signedInfo = Dom.child(sig, Dom.DSIG_NS, "SignedInfo");
        if (signedInfo.isEmpty()) {
            return violation("the signature has no SignedInfo", null, null, keyInfo, path);
        }
        Element si = signedInfo.get();
        String c14n = Dom.child(si, Dom.DSIG_NS, "CanonicalizationMethod").map(e -> Dom.attr(e, "Algorithm")).orElse(null);
        String sigMethod = Dom.child(si, Dom.DSIG_NS, "SignatureMethod").map(e -> Dom.attr(e, "Algorithm")).orElse(null);
        List<Element> refs = Dom.children(si, Dom.DSIG_NS, "Reference");
        String digest = refs.size() == 1
                ? Dom.child(refs.get(0), Dom.DSIG_NS, "DigestMethod").map(e -> Dom.attr(e, "Algorithm")).orElse(null)
                : null;
        if (c14n == null || !C14N_METHODS.contains(c14n)) {
            return violation("CanonicalizationMethod " + c14n + " is not an accepted c14n method", sigMethod, digest, keyInfo, path);
        }
        if (sigMethod == null || !SIGNATURE_METHODS.contains(sigMethod)) {
            String why = sigMethod != null && sigMethod.contains("hmac")
                    ? "SignatureMethod " + sigMethod + " is an HMAC: refused (anyone holding the shared key could sign)"
                    : "SignatureMethod " + sigMethod + " is not an accepted algorithm";
            return violation(why, sigMethod, digest, keyInfo, path);
        }
        if (refs.size() != 1) {
            return violation("SignedInfo has " + refs.size() + " References; exactly one is accepted", sigMethod, null, keyInfo, path);
        }
        if (!Dom.children(sig, Dom.DSIG_NS, "Object").isEmpty()) {
            return violation("the signature carries ds:Object content, which the profile refuses", sigMethod, digest, keyInfo, path);
        }
        Element ref = refs.get(0);
        if (digest == null || !DIGEST_METHODS.contains(digest)) {
            return violation("DigestMethod " + digest + " is not an accepted digest", sigMethod, digest, keyInfo, path);
        }
        for (Element tr : Dom.children(ref, Dom.DSIG_NS, "Transforms")) {
            List<Element> ts = Dom.children(tr, Dom.DSIG_NS, "Transform");
            if (ts.size() > 2) {
                return violation("the Reference has " + ts.size() + " transforms; at most enveloped-signature and c14n are accepted",
                        sigMethod, digest, keyInfo, path);
            }
            for (Element t : ts) {
                String alg = Dom.attr(t, "Algorithm");
                if (alg == null || (!ENVELOPED.equals(alg) && !C14N_METHODS.contains(alg))) {
                    return violation("Transform " + alg + " is refused (only enveloped-signature and c14n are accepted)",
                            sigMethod, digest, keyInfo, path);
                }
            }
        }
        String id = Dom.attr(element, idAttribute);
        if (id == null || id.isEmpty()) {
            return violation(elementPath + " has no " + idAttribute + " for the signature to reference", sigMethod, digest, keyInfo, path);
        }
        String uri = Dom.attr(ref, "URI");
        if (uri == null || uri.isEmpty()) {
            return violation("the Reference URI is empty (the whole document), not #" + id, sigMethod, digest, keyInfo, path);
        }
        if (!uri.equals("#" + id)) {
            return new SignatureCheck(SignatureCheck.Status.WRAPPING,
                    "the signature references " + uri + ", not the enclosing element #" + id, sigMethod, digest, keyInfo, null, path);
        }
        String duplicate = duplicateId(element.getOwnerDocument().getDocumentElement());
        if (duplicate != null) {
            return new SignatureCheck(SignatureCheck.Status.WRAPPING,
                    "the ID '" + duplicate + "' appears more than once in the document", sigMethod, digest, keyInfo, null, path);
        }
        element.setIdAttributeNS(null, idAttribute, true);
        try {
            XMLSignature xs = new XMLSignature(sig, "", true);
            Reference r = xs.getSignedInfo().item(0);
            boolean digestOk = r.verify();
            XMLSignatureInput in = r.getContentsBeforeTransformation();
            if (in == null || in.getSubNode() != element) {
                return new SignatureCheck(SignatureCheck.Status.WRAPPING,
                        "the reference did not resolve to the enclosing element", sigMethod, digest, keyInfo, null, path);
            }
            if (!digestOk) {
                return new SignatureCheck(SignatureCheck.Status.INVALID,
                        "the digest does not match: the signed content was changed after signing (no key can verify it)",
                        sigMethod, digest, keyInfo, null, path);
            }
            if (trust.isEmpty()) {
                return new SignatureCheck(SignatureCheck.Status.UNCHECKED,
                        "the digest matches, but no certificate was given to check the signature value",
                        sigMethod, digest, keyInfo, null, path);
            }
            for (X509Certificate c : trust) {
                XMLSignature attempt = new XMLSignature(sig, "", true);
                if (attempt.checkSignatureValue(c.getPublicKey())) {
                    return new SignatureCheck(SignatureCheck.Status.VALID, null, sigMethod, digest, keyInfo, c, path);
                }
            }
            return new SignatureCheck(SignatureCheck.Status.INVALID,
                    "the signature value does not verify with " + (trust.size() == 1 ? "the pinned certificate "
                            + Certificates.describe(trust.get(0)) : "any of the " + trust.size() + " pinned certificates"),
                    sigMethod, digest, keyInfo, null, path);
        } catch (XMLSecurityException | RuntimeException e) {
            return new SignatureCheck(SignatureCheck.Status.INVALID,
                    "the signature could not be processed: " + oneLine(e.getMessage()), sigMethod, digest, keyInfo, null, path);
        }
    }

    private static SignatureCheck violation(String why, String sigMethod, String digest, X509Certificate keyInfo, String path) {
        return new SignatureCheck(SignatureCheck.Status.PROFILE_VIOLATION, why, sigMethod, digest, keyInfo, null, path);
    }

    /** The first ID value that appears on two elements, or null. */
    static String duplicateId(Element root) {
        Map<String, Node> seen = new HashMap<>();
        return walk(root, seen);
    }

    private static String walk(Element e, Map<String, Node> seen) {
        for (Attr a : Dom.idLikeAttributes(e)) {
            if (seen.put(a.getValue(), e) != null) {
                return a.getValue();
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                String d = walk(ce, seen);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private static X509Certificate keyInfoCertificate(Element sig) {
        for (Element ki : Dom.children(sig, Dom.DSIG_NS, "KeyInfo")) {
            for (Element x : Dom.descendants(ki, Dom.DSIG_NS, "X509Certificate")) {
                try {
                    return Certificates.fromBase64(Dom.text(x), "KeyInfo");
                } catch (TrustException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
