package org.mfaharness.artifact.saml;

import static org.mfaharness.artifact.saml.SamlNamespaces.SAML11;
import static org.mfaharness.artifact.saml.SamlNamespaces.SAML2;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mfaharness.artifact.xml.Dom;
import org.w3c.dom.Element;

/** Reads SAML 1.1 and 2.0 assertion elements into models. Never throws on missing parts: they read as null/empty. */
public final class SamlParser {
    private SamlParser() {
    }

    /** Whether the element is a SAML 1.1 Assertion. */
    public static boolean isSaml11Assertion(Element e) {
        return "Assertion".equals(e.getLocalName()) && SAML11.equals(e.getNamespaceURI());
    }

    /** Whether the element is a SAML 2.0 Assertion. */
    public static boolean isSaml2Assertion(Element e) {
        return "Assertion".equals(e.getLocalName()) && SAML2.equals(e.getNamespaceURI());
    }

    /** Reads a SAML 1.1 assertion element. */
    public static Saml11Assertion saml11(Element a) {
        String path = Dom.path(a);
        Optional<SamlConditions> conditions = conditions(a, SAML11, "AudienceRestrictionCondition", path);
        List<Saml11Assertion.AuthenticationStatement> statements = new ArrayList<>();
        String nameId = null;
        String nameIdFormat = null;
        for (Element st : Dom.children(a, SAML11, "AuthenticationStatement")) {
            statements.add(new Saml11Assertion.AuthenticationStatement(Dom.attr(st, "AuthenticationMethod"),
                    Dom.attr(st, "AuthenticationInstant"), path + "/AuthenticationStatement"));
        }
        List<SamlAttribute> attributes = attributes(a, SAML11, "AttributeName", "AttributeNamespace", path);
        // The subject: the first NameIdentifier in any statement (AD FS repeats the subject in each).
        for (Element st : Dom.childElements(a)) {
            Optional<Element> subject = Dom.child(st, SAML11, "Subject");
            if (subject.isPresent()) {
                Optional<Element> ni = Dom.child(subject.get(), SAML11, "NameIdentifier");
                if (ni.isPresent()) {
                    nameId = Dom.text(ni.get());
                    nameIdFormat = Dom.attr(ni.get(), "Format");
                    break;
                }
            }
        }
        return new Saml11Assertion(a, Dom.attr(a, "AssertionID"), Dom.attr(a, "Issuer"), Dom.attr(a, "IssueInstant"),
                conditions, statements, attributes, nameId, nameIdFormat,
                Dom.child(a, Dom.DSIG_NS, "Signature").isPresent(), path);
    }

    /** Reads a SAML 2.0 assertion element. */
    public static Saml2Assertion saml2(Element a) {
        String path = Dom.path(a);
        String issuer = Dom.child(a, SAML2, "Issuer").map(Dom::text).orElse(null);
        String nameId = null;
        String nameIdFormat = null;
        String nameIdPath = path + "/Subject/NameID";
        List<Saml2Assertion.SubjectConfirmation> confirmations = new ArrayList<>();
        Optional<Element> subject = Dom.child(a, SAML2, "Subject");
        if (subject.isPresent()) {
            Optional<Element> ni = Dom.child(subject.get(), SAML2, "NameID");
            if (ni.isPresent()) {
                nameId = Dom.text(ni.get());
                nameIdFormat = Dom.attr(ni.get(), "Format");
            }
            for (Element sc : Dom.children(subject.get(), SAML2, "SubjectConfirmation")) {
                Optional<Element> data = Dom.child(sc, SAML2, "SubjectConfirmationData");
                confirmations.add(new Saml2Assertion.SubjectConfirmation(Dom.attr(sc, "Method"),
                        data.map(d -> Dom.attr(d, "Recipient")).orElse(null),
                        data.map(d -> Dom.attr(d, "InResponseTo")).orElse(null),
                        data.map(d -> Dom.attr(d, "NotOnOrAfter")).orElse(null),
                        path + "/Subject/SubjectConfirmation" + (data.isPresent() ? "/SubjectConfirmationData" : "")));
            }
        }
        Optional<SamlConditions> conditions = conditions(a, SAML2, "AudienceRestriction", path);
        List<Saml2Assertion.AuthnStatement> statements = new ArrayList<>();
        for (Element st : Dom.children(a, SAML2, "AuthnStatement")) {
            List<String> refs = new ArrayList<>();
            for (Element ctx : Dom.children(st, SAML2, "AuthnContext")) {
                for (Element ref : Dom.children(ctx, SAML2, "AuthnContextClassRef")) {
                    refs.add(Dom.text(ref));
                }
            }
            statements.add(new Saml2Assertion.AuthnStatement(Dom.attr(st, "AuthnInstant"), refs,
                    path + "/AuthnStatement"));
        }
        List<SamlAttribute> attributes = attributes(a, SAML2, "Name", "NameFormat", path);
        return new Saml2Assertion(a, Dom.attr(a, "ID"), issuer, Dom.attr(a, "IssueInstant"), nameId, nameIdFormat,
                nameIdPath, confirmations, conditions, statements, attributes,
                Dom.child(a, Dom.DSIG_NS, "Signature").isPresent(), path);
    }

    /** The attributes of every AttributeStatement; SAML 1.1 and 2.0 name an attribute's name and namespace differently. */
    private static List<SamlAttribute> attributes(Element a, String ns, String nameAttr, String namespaceAttr, String path) {
        List<SamlAttribute> out = new ArrayList<>();
        for (Element as : Dom.children(a, ns, "AttributeStatement")) {
            for (Element attr : Dom.children(as, ns, "Attribute")) {
                String name = Dom.attr(attr, nameAttr);
                List<String> values = new ArrayList<>();
                for (Element v : Dom.children(attr, ns, "AttributeValue")) {
                    values.add(Dom.text(v));
                }
                out.add(new SamlAttribute(name, Dom.attr(attr, namespaceAttr), values,
                        path + "/AttributeStatement/Attribute[@" + nameAttr + "=\"" + name + "\"]"));
            }
        }
        return out;
    }

    /** The Conditions of an assertion: SAML 1.1 and 2.0 differ only in the namespace and the restriction's name. */
    private static Optional<SamlConditions> conditions(Element a, String ns, String restriction, String path) {
        return Dom.child(a, ns, "Conditions").map(c -> {
            List<String> audiences = new ArrayList<>();
            for (Element r : Dom.children(c, ns, restriction)) {
                for (Element aud : Dom.children(r, ns, "Audience")) {
                    audiences.add(Dom.text(aud));
                }
            }
            return new SamlConditions(Dom.attr(c, "NotBefore"), Dom.attr(c, "NotOnOrAfter"), audiences, path + "/Conditions");
        });
    }
}
