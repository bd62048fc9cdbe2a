package org.mfaharness.testing;

import static org.mfaharness.testing.Xml.el;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mfaharness.lab.sign.SigningKey;
import org.mfaharness.lab.sign.XmlSigner;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds WS-Fed RSTRs carrying a SAML 1.1 assertion shaped like AD FS's, signed with a test key. Defaults: audience
 * urn:federation:MicrosoftOnline, valid from 5 minutes ago for an hour, RSA-SHA256, WS-Trust 2005/02, no MFA claim
 * (AuthenticationMethod = password).
 */
public final class WsFedBuilder {
    public static final String SAML11 = "urn:oasis:names:tc:SAML:1.0:assertion";
    public static final String TRUST_2005 = "http://schemas.xmlsoap.org/ws/2005/02/trust";
    public static final String TRUST_13 = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    public static final String PASSWORD = "urn:oasis:names:tc:SAML:1.0:am:password";
    public static final String MULTIPLEAUTHN = "http://schemas.microsoft.com/claims/multipleauthn";

    private record Attr(String name, String ns, List<String> values) {
    }

    private String authenticationMethod = PASSWORD;
    private final List<Attr> attributes = new ArrayList<>();
    private String audience = "urn:federation:MicrosoftOnline";
    private Instant notBefore = Instant.now().minus(Duration.ofMinutes(5));
    private Instant notOnOrAfter = Instant.now().plus(Duration.ofHours(1));
    private SigningKey key = TestKeys.IDP;
    private XmlSigner.Algorithm algorithm = XmlSigner.Algorithm.RSA_SHA256;
    private boolean signed = true;
    private boolean wsTrust13;
    private boolean collection;
    private boolean bare;
    private int extraAssertions;
    private String issuer = "http://adfs.fabrikam.test/adfs/services/trust";
    private String assertionId = "_" + UUID.randomUUID();

    public static WsFedBuilder rstr() {
        return new WsFedBuilder();
    }

    public WsFedBuilder authenticationMethod(String uri) {
        this.authenticationMethod = uri;
        return this;
    }

    public WsFedBuilder attribute(String name, String namespace, String... values) {
        attributes.add(new Attr(name, namespace, List.of(values)));
        return this;
    }

    public WsFedBuilder audience(String a) {
        this.audience = a;
        return this;
    }

    public WsFedBuilder validity(Instant from, Instant to) {
        this.notBefore = from;
        this.notOnOrAfter = to;
        return this;
    }

    public WsFedBuilder signedWith(SigningKey k) {
        this.key = k;
        return this;
    }

    public WsFedBuilder sha1() {
        this.algorithm = XmlSigner.Algorithm.RSA_SHA1;
        return this;
    }

    public WsFedBuilder unsigned() {
        this.signed = false;
        return this;
    }

    public WsFedBuilder wsTrust13(boolean inCollection) {
        this.wsTrust13 = true;
        this.collection = inCollection;
        return this;
    }

    /** A bare SAML 1.1 assertion, no RSTR around it. */
    public WsFedBuilder bare() {
        this.bare = true;
        return this;
    }

    /** Adds unsigned copies of the assertion beside the signed one (a wrapping pattern). */
    public WsFedBuilder extraUnsignedAssertions(int n) {
        this.extraAssertions = n;
        return this;
    }

    public WsFedBuilder assertionId(String id) {
        this.assertionId = id;
        return this;
    }

    /** The document, for tests that tamper with it after signing. */
    public Document document() {
        Document d = Xml.newDocument();
        Element assertion = assertion(d, assertionId);
        if (bare) {
            d.appendChild(assertion);
            return sign(d, assertion);
        }
        String ns = wsTrust13 ? TRUST_13 : TRUST_2005;
        Element rstr = el(d, ns, "t:RequestSecurityTokenResponse");
        Element lifetime = el(d, ns, "t:Lifetime");
        rstr.appendChild(lifetime);
        Element rst = el(d, ns, "t:RequestedSecurityToken");
        rst.appendChild(assertion);
        for (int i = 0; i < extraAssertions; i++) {
            rst.appendChild(assertion(d, "_extra" + i));
        }
        rstr.appendChild(rst);
        if (collection) {
            Element c = el(d, ns, "t:RequestSecurityTokenResponseCollection");
            c.appendChild(rstr);
            d.appendChild(c);
        } else {
            d.appendChild(rstr);
        }
        return sign(d, assertion);
    }

    private Document sign(Document d, Element assertion) {
        if (signed) {
            XmlSigner.rsaSha256(key).withAlgorithm(algorithm).sign(assertion, "AssertionID", null);
        }
        return d;
    }

    private Element assertion(Document d, String id) {
        Element a = el(d, SAML11, "saml:Assertion");
        a.setAttributeNS(null, "MajorVersion", "1");
        a.setAttributeNS(null, "MinorVersion", "1");
        a.setAttributeNS(null, "AssertionID", id);
        a.setAttributeNS(null, "Issuer", issuer);
        a.setAttributeNS(null, "IssueInstant", notBefore.toString());
        Element cond = el(d, SAML11, "saml:Conditions");
        cond.setAttributeNS(null, "NotBefore", notBefore.toString());
        cond.setAttributeNS(null, "NotOnOrAfter", notOnOrAfter.toString());
        Element arc = el(d, SAML11, "saml:AudienceRestrictionCondition");
        arc.appendChild(el(d, SAML11, "saml:Audience", audience));
        cond.appendChild(arc);
        a.appendChild(cond);
        Element as = el(d, SAML11, "saml:AttributeStatement");
        as.appendChild(subject(d));
        Element upn = el(d, SAML11, "saml:Attribute");
        upn.setAttributeNS(null, "AttributeName", "UPN");
        upn.setAttributeNS(null, "AttributeNamespace", "http://schemas.xmlsoap.org/claims");
        upn.appendChild(el(d, SAML11, "saml:AttributeValue", "alice@fabrikam.test"));
        as.appendChild(upn);
        for (Attr at : attributes) {
            Element e = el(d, SAML11, "saml:Attribute");
            e.setAttributeNS(null, "AttributeName", at.name());
            e.setAttributeNS(null, "AttributeNamespace", at.ns());
            for (String v : at.values()) {
                e.appendChild(el(d, SAML11, "saml:AttributeValue", v));
            }
            as.appendChild(e);
        }
        a.appendChild(as);
        Element st = el(d, SAML11, "saml:AuthenticationStatement");
        if (authenticationMethod != null) {
            st.setAttributeNS(null, "AuthenticationMethod", authenticationMethod);
        }
        st.setAttributeNS(null, "AuthenticationInstant", notBefore.toString());
        st.appendChild(subject(d));
        a.appendChild(st);
        return a;
    }

    private static Element subject(Document d) {
        Element s = el(d, SAML11, "saml:Subject");
        Element ni = el(d, SAML11, "saml:NameIdentifier", "Ek1kNDbc2Ee3JZ0GQhEJwQ==");
        ni.setAttributeNS(null, "Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
        s.appendChild(ni);
        Element sc = el(d, SAML11, "saml:SubjectConfirmation");
        sc.appendChild(el(d, SAML11, "saml:ConfirmationMethod", "urn:oasis:names:tc:SAML:1.0:cm:bearer"));
        s.appendChild(sc);
        return s;
    }

    public String build() {
        return Xml.serialize(document());
    }
}
