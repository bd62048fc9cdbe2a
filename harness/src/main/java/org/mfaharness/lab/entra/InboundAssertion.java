package org.mfaharness.lab.entra;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.mfaharness.lab.web.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Lab Entra's reading of what a federated IdP POSTs to {@code login.srf}: a WS-Fed RSTR wrapping a SAML 1.1 assertion,
 * or a SAML 2.0 Response. Written from the spec's section 1 (what Entra reads) and its XML-DSig profile: DOCTYPE
 * refused, the assertion's own enveloped signature verified with Santuario against the domain's configured IdP
 * certificate only (never KeyInfo), exactly one Reference to the assertion's ID, only enveloped/c14n transforms,
 * audience and time window checked, and the MFA claim read from the very element that was verified.
 */
final class InboundAssertion {
    static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final String TRUST_2005 = "http://schemas.xmlsoap.org/ws/2005/02/trust";
    static final String TRUST_13 = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    static final String MULTIPLE_AUTHN = "http://schemas.microsoft.com/claims/multipleauthn";
    static final String WIA_OR_MULTI_AUTHN = "http://schemas.microsoft.com/claims/wiaormultiauthn";
    static final String CLAIMS_NS_2008 = "http://schemas.microsoft.com/ws/2008/06/identity/claims";
    static final String CLAIMS_NS = "http://schemas.microsoft.com/claims";
    static final String LIVEID_NS = "http://schemas.microsoft.com/LiveID/Federation/2008/05";
    static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    static final Duration SKEW = Duration.ofMinutes(5);

    private static final Set<String> ALLOWED_TRANSFORMS = Set.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE,
            Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS, Transforms.TRANSFORM_C14N_EXCL_WITH_COMMENTS,
            Transforms.TRANSFORM_C14N_OMIT_COMMENTS, Transforms.TRANSFORM_C14N_WITH_COMMENTS);

    static {
        org.apache.xml.security.Init.init();
    }

    /** What the IdP's assertion said about MFA, as Entra reads it. */
    enum MfaClaim { NONE, MULTIPLE_AUTHN, WIA_OR_MULTI_AUTHN }

    /**
     * An accepted assertion.
     *
     * @param issuer      the IdP issuer
     * @param immutableId the user's anchor (NameIdentifier / ImmutableID claim / persistent NameID)
     * @param upn         the UPN or IDPEmail, if sent
     * @param mfa         the MFA reading
     * @param methods     every authentication method value seen (for the sign-in log)
     * @param sha1        the signature used RSA-SHA1
     */
    record Accepted(String issuer, String immutableId, String upn, MfaClaim mfa, List<String> methods, boolean sha1) {
    }

    private InboundAssertion() {
    }

    /** Reads a WS-Fed {@code wresult}: the RSTR (2005/02 or 1.3, possibly in a collection) with one SAML 1.1 assertion. */
    static Accepted readWsFed(String wresult, String expectedIssuer, X509Certificate cert, String audience, Instant now)
            throws AadstsException {
        Document doc = parse(wresult, true);
        List<Element> tokens = new ArrayList<>();
        tokens.addAll(SafeXml.descendants(doc, TRUST_2005, "RequestedSecurityToken"));
        tokens.addAll(SafeXml.descendants(doc, TRUST_13, "RequestedSecurityToken"));
        if (tokens.size() != 1) {
            throw new AadstsException(Aadsts.wsFedMessageInvalid20012("Expected exactly one RequestedSecurityToken, found "
                    + tokens.size() + "."));
        }
        List<Element> assertions = SafeXml.children(tokens.get(0), SAML1, "Assertion");
        if (assertions.size() != 1 || SafeXml.descendants(doc, SAML1, "Assertion").size() != 1) {
            throw new AadstsException(Aadsts.wsFedMessageInvalid20012("Expected exactly one SAML 1.1 assertion."));
        }
        Element a = assertions.get(0);
        String issuer = SafeXml.attr(a, "Issuer");
        if (issuer == null || !issuer.equals(expectedIssuer)) {
            throw new AadstsException(Aadsts.unknownFederationIssuer50107(issuer == null ? "" : issuer));
        }
        boolean sha1 = verifySignature(a, "AssertionID", cert);
        Element cond = SafeXml.child(a, SAML1, "Conditions");
        checkTimes(cond, now);
        List<String> audiences = new ArrayList<>();
        if (cond != null) {
            for (Element arc : SafeXml.children(cond, SAML1, "AudienceRestrictionCondition")) {
                for (Element au : SafeXml.children(arc, SAML1, "Audience")) {
                    audiences.add(SafeXml.text(au));
                }
            }
        }
        if (!audiences.contains(audience)) {
            throw new AadstsException(Aadsts.samlInvalid50008("The audience " + audiences + " is not " + audience + "."));
        }
        String immutableId = null;
        String upn = null;
        List<String> methods = new ArrayList<>();
        MfaClaim mfa = MfaClaim.NONE;
        for (Element st : SafeXml.children(a, SAML1, "AttributeStatement")) {
            Element subj = SafeXml.child(st, SAML1, "Subject");
            Element nameId = subj == null ? null : SafeXml.child(subj, SAML1, "NameIdentifier");
            if (nameId != null && immutableId == null) {
                immutableId = SafeXml.text(nameId);
            }
            for (Element attr : SafeXml.children(st, SAML1, "Attribute")) {
                String name = SafeXml.attr(attr, "AttributeName");
                String ns = SafeXml.attr(attr, "AttributeNamespace");
                List<String> values = SafeXml.children(attr, SAML1, "AttributeValue").stream().map(SafeXml::text).toList();
                if ("ImmutableID".equals(name) && LIVEID_NS.equals(ns) && !values.isEmpty()) {
                    immutableId = values.get(0);
                } else if ("UPN".equals(name) && !values.isEmpty()) {
                    upn = values.get(0);
                } else if ("authenticationmethod".equals(name) && CLAIMS_NS_2008.equals(ns)
                        || "authnmethodsreferences".equals(name) && CLAIMS_NS.equals(ns)) {
                    // Spec 1a: the documented authenticationmethod attribute, and AD FS's pass-through form of
                    // authnmethodsreferences (accepted; its serialisation is [unverified]).
                    methods.addAll(values);
                    mfa = strongest(mfa, values);
                }
            }
        }
        for (Element st : SafeXml.children(a, SAML1, "AuthenticationStatement")) {
            String m = SafeXml.attr(st, "AuthenticationMethod");
            if (m != null) {
                methods.add(m.strip());
                mfa = strongest(mfa, List.of(m.strip()));
            }
        }
        if (immutableId == null || immutableId.isEmpty()) {
            throw new AadstsException(Aadsts.samlInvalid50008("The assertion has no ImmutableID."));
        }
        return new Accepted(issuer, immutableId, upn, mfa, methods, sha1);
    }

    /** Reads a SAML 2.0 {@code SAMLResponse} (base64) answering the AuthnRequest {@code requestId}. */
    static Accepted readSaml2(String samlResponseB64, String requestId, String expectedIssuer, X509Certificate cert,
                              String audience, String recipient, Instant now) throws AadstsException {
        String xml;
        try {
            xml = new String(Base64.getMimeDecoder().decode(samlResponseB64.strip()), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AadstsException(Aadsts.samlInvalid50008("SAMLResponse is not valid base64."));
        }
        Document doc = parse(xml, false);
        Element resp = doc.getDocumentElement();
        if (!"Response".equals(resp.getLocalName()) || !SAMLP.equals(resp.getNamespaceURI())) {
            throw new AadstsException(Aadsts.samlInvalid50008("The message is not a SAML 2.0 Response."));
        }
        String dest = SafeXml.attr(resp, "Destination");
        if (dest != null && !dest.equals(recipient)) {
            throw new AadstsException(Aadsts.samlInvalid50008("Destination " + dest + " is not " + recipient + "."));
        }
        Element status = SafeXml.child(resp, SAMLP, "Status");
        Element code = status == null ? null : SafeXml.child(status, SAMLP, "StatusCode");
        String statusValue = SafeXml.attr(code, "Value");
        if (!"urn:oasis:names:tc:SAML:2.0:status:Success".equals(statusValue)) {
            throw new AadstsException(Aadsts.samlInvalid50008("The IdP answered status " + statusValue + "."));
        }
        String irt = SafeXml.attr(resp, "InResponseTo");
        if (irt != null && !irt.equals(requestId)) {
            throw new AadstsException(Aadsts.samlInvalid50008("InResponseTo does not match the AuthnRequest."));
        }
        List<Element> assertions = SafeXml.children(resp, SAML2, "Assertion");
        if (assertions.size() != 1 || SafeXml.descendants(doc, SAML2, "Assertion").size() != 1) {
            throw new AadstsException(Aadsts.samlInvalid50008("Expected exactly one SAML 2.0 assertion."));
        }
        Element a = assertions.get(0);
        String issuer = SafeXml.text(SafeXml.child(a, SAML2, "Issuer"));
        if (issuer == null || !issuer.equals(expectedIssuer)) {
            throw new AadstsException(Aadsts.unknownFederationIssuer50107(issuer == null ? "" : issuer));
        }
        boolean sha1 = verifySignature(a, "ID", cert);
        Element subject = SafeXml.child(a, SAML2, "Subject");
        Element nameId = subject == null ? null : SafeXml.child(subject, SAML2, "NameID");
        if (nameId == null || !PERSISTENT.equals(SafeXml.attr(nameId, "Format"))) {
            throw new AadstsException(Aadsts.samlInvalid50008("The NameID must have Format " + PERSISTENT + "."));
        }
        for (Element sc : SafeXml.children(subject, SAML2, "SubjectConfirmation")) {
            Element data = SafeXml.child(sc, SAML2, "SubjectConfirmationData");
            String rcpt = SafeXml.attr(data, "Recipient");
            if (rcpt != null && !rcpt.equals(recipient)) {
                throw new AadstsException(Aadsts.samlInvalid50008("Recipient " + rcpt + " is not " + recipient + "."));
            }
            String noa = SafeXml.attr(data, "NotOnOrAfter");
            if (noa != null && !now.isBefore(instant(noa).plus(SKEW))) {
                throw new AadstsException(Aadsts.samlInvalid50008("The subject confirmation has expired."));
            }
        }
        Element cond = SafeXml.child(a, SAML2, "Conditions");
        checkTimes(cond, now);
        List<String> audiences = new ArrayList<>();
        if (cond != null) {
            for (Element ar : SafeXml.children(cond, SAML2, "AudienceRestriction")) {
                for (Element au : SafeXml.children(ar, SAML2, "Audience")) {
                    audiences.add(SafeXml.text(au));
                }
            }
        }
        if (!audiences.contains(audience)) {
            throw new AadstsException(Aadsts.samlInvalid50008("The audience " + audiences + " is not " + audience + "."));
        }
        String upn = null;
        for (Element st : SafeXml.children(a, SAML2, "AttributeStatement")) {
            for (Element attr : SafeXml.children(st, SAML2, "Attribute")) {
                if ("IDPEmail".equals(SafeXml.attr(attr, "Name"))) {
                    Element v = SafeXml.child(attr, SAML2, "AttributeValue");
                    upn = SafeXml.text(v);
                }
                // Spec 1b: the attribute section is ignored for MFA, multifactorauthenticationinstant included.
            }
        }
        List<String> methods = new ArrayList<>();
        List<Element> statements = SafeXml.children(a, SAML2, "AuthnStatement");
        MfaClaim mfa = MfaClaim.NONE;
        // Spec 1b: only one method can be given; the lab reads the first AuthnStatement's ClassRef.
        if (!statements.isEmpty()) {
            Element ctx = SafeXml.child(statements.get(0), SAML2, "AuthnContext");
            Element ref = ctx == null ? null : SafeXml.child(ctx, SAML2, "AuthnContextClassRef");
            if (ref != null) {
                String v = SafeXml.text(ref);
                methods.add(v);
                mfa = strongest(MfaClaim.NONE, List.of(v));
            }
        }
        return new Accepted(issuer, SafeXml.text(nameId), upn, mfa, methods, sha1);
    }

    private static MfaClaim strongest(MfaClaim current, List<String> values) {
        MfaClaim m = current;
        for (String v : values) {
            // Exact comparison after XML whitespace collapse: an https:// typo or another case is not the URI.
            String s = v == null ? "" : v.strip();
            if (s.equals(MULTIPLE_AUTHN)) {
                m = MfaClaim.MULTIPLE_AUTHN;
            } else if (s.equals(WIA_OR_MULTI_AUTHN) && m == MfaClaim.NONE) {
                m = MfaClaim.WIA_OR_MULTI_AUTHN;
            }
        }
        return m;
    }

    private static Document parse(String xml, boolean wsfed) throws AadstsException {
        try {
            return SafeXml.parse(xml);
        } catch (SafeXml.XmlRejectedException e) {
            throw new AadstsException(wsfed ? Aadsts.wsFedMessageInvalid20012(e.getMessage() + ".")
                    : Aadsts.samlInvalid50008(e.getMessage() + "."));
        }
    }

    private static void checkTimes(Element cond, Instant now) throws AadstsException {
        if (cond == null) {
            throw new AadstsException(Aadsts.samlInvalid50008("The assertion has no Conditions."));
        }
        String nb = SafeXml.attr(cond, "NotBefore");
        String noa = SafeXml.attr(cond, "NotOnOrAfter");
        if (nb != null && now.plus(SKEW).isBefore(instant(nb))) {
            throw new AadstsException(Aadsts.samlInvalid50008("The assertion is not yet valid (NotBefore " + nb + ")."));
        }
        if (noa == null || !now.isBefore(instant(noa).plus(SKEW))) {
            throw new AadstsException(Aadsts.samlInvalid50008("The assertion has expired (NotOnOrAfter " + noa + ")."));
        }
    }

    private static Instant instant(String s) throws AadstsException {
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new AadstsException(Aadsts.samlInvalid50008("Invalid time " + s + "."));
        }
    }

    /**
     * Verifies the assertion's enveloped signature against {@code cert}; returns whether it used RSA-SHA1.
     * The ID attribute is registered on this element only, and its value must be unique in the document.
     */
    private static boolean verifySignature(Element assertion, String idAttribute, X509Certificate cert) throws AadstsException {
        String id = SafeXml.attr(assertion, idAttribute);
        if (id == null || id.isEmpty()) {
            throw new AadstsException(Aadsts.samlInvalid50008("The assertion has no " + idAttribute + "."));
        }
        Element sigEl = SafeXml.child(assertion, DSIG, "Signature");
        if (sigEl == null) {
            throw new AadstsException(Aadsts.samlInvalid50008("The assertion is not signed."));
        }
        int sameId = 0;
        for (Element e : SafeXml.descendants(assertion.getOwnerDocument(), "*", "*")) {
            if (id.equals(e.getAttributeNS(null, "ID")) || id.equals(e.getAttributeNS(null, "AssertionID"))
                    || id.equals(e.getAttributeNS(null, "Id"))) {
                sameId++;
            }
        }
        if (sameId != 1) {
            throw new AadstsException(Aadsts.samlInvalid50008("The ID " + id + " is not unique."));
        }
        assertion.setIdAttributeNS(null, idAttribute, true);
        try {
            XMLSignature sig = new XMLSignature(sigEl, "", true);
            SignedInfo si = sig.getSignedInfo();
            if (si.getLength() != 1) {
                throw new AadstsException(Aadsts.samlInvalid50008("The signature must have exactly one Reference."));
            }
            Reference ref = si.item(0);
            if (!("#" + id).equals(ref.getURI())) {
                throw new AadstsException(Aadsts.samlInvalid50008("The signature does not cover the assertion."));
            }
            Transforms ts = ref.getTransforms();
            for (int i = 0; ts != null && i < ts.getLength(); i++) {
                if (!ALLOWED_TRANSFORMS.contains(ts.item(i).getURI())) {
                    throw new AadstsException(Aadsts.samlInvalid50008("Transform " + ts.item(i).getURI() + " is not allowed."));
                }
            }
            String alg = si.getSignatureMethodURI();
            if (alg == null || alg.contains("hmac")) {
                throw new AadstsException(Aadsts.samlInvalid50008("Signature method " + alg + " is not allowed."));
            }
            if (!sig.checkSignatureValue(cert)) {
                throw new AadstsException(Aadsts.samlInvalid50008("The signature of the SAML token could not be verified "
                        + "with the certificate configured for the domain."));
            }
            return XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1.equals(alg);
        } catch (XMLSecurityException e) {
            throw new AadstsException(Aadsts.samlInvalid50008("The signature of the SAML token could not be verified."));
        }
    }
}
