package org.mfaharness.testing;

import static org.mfaharness.testing.Xml.el;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.mfaharness.lab.sign.SigningKey;
import org.mfaharness.lab.sign.XmlSigner;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds SAML 2.0 Responses as Entra expects them from a federated IdP (persistent NameID, IDPEmail, audience
 * urn:federation:MicrosoftOnline, Recipient login.srf, signed assertion), with every part adjustable.
 */
public final class Saml2Builder {
    public static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String SAML2P = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String PASSWORD_PROTECTED = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
    public static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    private record Attr(String name, List<String> values) {
    }

    private final List<String> classRefs = new ArrayList<>(List.of(PASSWORD_PROTECTED));
    private final List<Attr> attributes = new ArrayList<>();
    private String audience = "urn:federation:MicrosoftOnline";
    private String recipient = "https://login.microsoftonline.com/login.srf";
    private String issuer = "https://idp.contoso.test/saml";
    private String nameIdFormat = PERSISTENT;
    private String status = "urn:oasis:names:tc:SAML:2.0:status:Success";
    private String inResponseTo = "_req-" + UUID.randomUUID();
    private Instant notBefore = Instant.now().minus(Duration.ofMinutes(5));
    private Instant notOnOrAfter = Instant.now().plus(Duration.ofHours(1));
    private boolean idpEmail = true;
    private boolean signAssertion = true;
    private boolean signResponse;
    private boolean bare;
    private int extraAssertions;
    private SigningKey key = TestKeys.IDP;
    private XmlSigner.Algorithm algorithm = XmlSigner.Algorithm.RSA_SHA256;

    public static Saml2Builder response() {
        return new Saml2Builder();
    }

    public Saml2Builder classRefs(String... refs) {
        classRefs.clear();
        classRefs.addAll(List.of(refs));
        return this;
    }

    public Saml2Builder attribute(String name, String... values) {
        attributes.add(new Attr(name, List.of(values)));
        return this;
    }

    public Saml2Builder audience(String a) {
        this.audience = a;
        return this;
    }

    public Saml2Builder recipient(String r) {
        this.recipient = r;
        return this;
    }

    public Saml2Builder issuer(String i) {
        this.issuer = i;
        return this;
    }

    public Saml2Builder nameIdFormat(String f) {
        this.nameIdFormat = f;
        return this;
    }

    public Saml2Builder status(String s) {
        this.status = s;
        return this;
    }

    public Saml2Builder inResponseTo(String id) {
        this.inResponseTo = id;
        return this;
    }

    public Saml2Builder validity(Instant from, Instant to) {
        this.notBefore = from;
        this.notOnOrAfter = to;
        return this;
    }

    public Saml2Builder withoutIdpEmail() {
        this.idpEmail = false;
        return this;
    }

    public Saml2Builder signResponseOnly() {
        this.signAssertion = false;
        this.signResponse = true;
        return this;
    }

    public Saml2Builder signBoth() {
        this.signAssertion = true;
        this.signResponse = true;
        return this;
    }

    public Saml2Builder unsigned() {
        this.signAssertion = false;
        this.signResponse = false;
        return this;
    }

    public Saml2Builder signedWith(SigningKey k) {
        this.key = k;
        return this;
    }

    public Saml2Builder sha1() {
        this.algorithm = XmlSigner.Algorithm.RSA_SHA1;
        return this;
    }

    public Saml2Builder bare() {
        this.bare = true;
        return this;
    }

    public Saml2Builder extraUnsignedAssertions(int n) {
        this.extraAssertions = n;
        return this;
    }

    public String inResponseTo() {
        return inResponseTo;
    }

    public Document document() {
        Document d = Xml.newDocument();
        Element assertion = assertion(d, "_a" + UUID.randomUUID());
        if (bare) {
            d.appendChild(assertion);
            if (signAssertion) {
                sign(assertion, Xml.firstChild(assertion, "Issuer").getNextSibling());
            }
            return d;
        }
        Element r = el(d, SAML2P, "samlp:Response");
        r.setAttributeNS(null, "ID", "_r" + UUID.randomUUID());
        r.setAttributeNS(null, "Version", "2.0");
        r.setAttributeNS(null, "IssueInstant", notBefore.toString());
        r.setAttributeNS(null, "Destination", recipient);
        r.setAttributeNS(null, "InResponseTo", inResponseTo);
        r.appendChild(el(d, SAML2, "saml:Issuer", issuer));
        Element st = el(d, SAML2P, "samlp:Status");
        Element sc = el(d, SAML2P, "samlp:StatusCode");
        sc.setAttributeNS(null, "Value", status);
        st.appendChild(sc);
        r.appendChild(st);
        r.appendChild(assertion);
        for (int i = 0; i < extraAssertions; i++) {
            r.appendChild(assertion(d, "_extra" + i));
        }
        d.appendChild(r);
        if (signAssertion) {
            sign(assertion, Xml.firstChild(assertion, "Issuer").getNextSibling());
        }
        if (signResponse) {
            sign(r, Xml.firstChild(r, "Issuer").getNextSibling());
        }
        return d;
    }

    private void sign(Element e, org.w3c.dom.Node before) {
        XmlSigner.rsaSha256(key).withAlgorithm(algorithm).sign(e, "ID", before);
    }

    private Element assertion(Document d, String id) {
        Element a = el(d, SAML2, "saml:Assertion");
        a.setAttributeNS(null, "ID", id);
        a.setAttributeNS(null, "Version", "2.0");
        a.setAttributeNS(null, "IssueInstant", notBefore.toString());
        a.appendChild(el(d, SAML2, "saml:Issuer", issuer));
        Element subject = el(d, SAML2, "saml:Subject");
        Element nameId = el(d, SAML2, "saml:NameID", "Ek1kNDbc2Ee3JZ0GQhEJwQ==");
        if (nameIdFormat != null) {
            nameId.setAttributeNS(null, "Format", nameIdFormat);
        }
        subject.appendChild(nameId);
        Element conf = el(d, SAML2, "saml:SubjectConfirmation");
        conf.setAttributeNS(null, "Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
        Element data = el(d, SAML2, "saml:SubjectConfirmationData");
        data.setAttributeNS(null, "Recipient", recipient);
        data.setAttributeNS(null, "InResponseTo", inResponseTo);
        data.setAttributeNS(null, "NotOnOrAfter", notOnOrAfter.toString());
        conf.appendChild(data);
        subject.appendChild(conf);
        a.appendChild(subject);
        Element cond = el(d, SAML2, "saml:Conditions");
        cond.setAttributeNS(null, "NotBefore", notBefore.toString());
        cond.setAttributeNS(null, "NotOnOrAfter", notOnOrAfter.toString());
        Element ar = el(d, SAML2, "saml:AudienceRestriction");
        ar.appendChild(el(d, SAML2, "saml:Audience", audience));
        cond.appendChild(ar);
        a.appendChild(cond);
        Element as = el(d, SAML2, "saml:AttributeStatement");
        if (idpEmail) {
            as.appendChild(attr(d, "IDPEmail", List.of("alice@contoso.test")));
        }
        for (Attr at : attributes) {
            as.appendChild(attr(d, at.name(), at.values()));
        }
        a.appendChild(as);
        Element stmt = el(d, SAML2, "saml:AuthnStatement");
        stmt.setAttributeNS(null, "AuthnInstant", notBefore.toString());
        Element ctx = el(d, SAML2, "saml:AuthnContext");
        for (String ref : classRefs) {
            ctx.appendChild(el(d, SAML2, "saml:AuthnContextClassRef", ref));
        }
        stmt.appendChild(ctx);
        a.appendChild(stmt);
        return a;
    }

    private static Element attr(Document d, String name, List<String> values) {
        Element e = el(d, SAML2, "saml:Attribute");
        e.setAttributeNS(null, "Name", name);
        for (String v : values) {
            e.appendChild(el(d, SAML2, "saml:AttributeValue", v));
        }
        return e;
    }

    public String build() {
        return Xml.serialize(document());
    }

    /** The Response base64-encoded, as the SAMLResponse form field carries it. */
    public String buildBase64() {
        return Base64.getEncoder().encodeToString(build().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
