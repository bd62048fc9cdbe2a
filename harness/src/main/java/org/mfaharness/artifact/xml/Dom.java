package org.mfaharness.artifact.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Small, namespace-exact DOM helpers. */
public final class Dom {
    /** The XML-DSig namespace. */
    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    private Dom() {
    }

    /** Direct child elements with this namespace and local name. */
    public static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every direct child element, whatever its name. */
    public static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first direct child element with this namespace and local name. */
    public static Optional<Element> child(Element parent, String ns, String localName) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** All descendant elements (document order) with this namespace and local name. */
    public static List<Element> descendants(Element root, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        collect(root, ns, localName, out);
        return out;
    }

    private static void collect(Node n, String ns, String localName, List<Element> out) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if (localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                    out.add(e);
                }
                collect(e, ns, localName, out);
            }
        }
    }

    /**
     * The whole text of an element: every text and CDATA descendant concatenated, comments and processing
     * instructions skipped. A comment never splits a value ({@code user@evil.com<!---->.example.com} reads whole).
     */
    public static String text(Element e) {
        return e.getTextContent();
    }

    /** An unqualified attribute's value, or null when absent (unlike {@link Element#getAttribute}, which gives ""). */
    public static String attr(Element e, String name) {
        Attr a = e.getAttributeNodeNS(null, name);
        return a == null ? null : a.getValue();
    }

    /**
     * The xs:anyURI "collapse" whitespace facet: tabs, CR and LF become spaces, runs collapse to one, ends trimmed.
     * URIs are compared exactly after this, case-sensitively.
     */
    public static String collapse(String s) {
        if (s == null) {
            return null;
        }
        return s.replaceAll("[\\t\\r\\n ]+", " ").trim();
    }

    /** A readable path of local names from the document element down to {@code e}, e.g. {@code Response/Assertion}. */
    public static String path(Element e) {
        StringBuilder sb = new StringBuilder(e.getLocalName());
        for (Node p = e.getParentNode(); p instanceof Element pe; p = pe.getParentNode()) {
            sb.insert(0, pe.getLocalName() + "/");
        }
        return sb.toString();
    }

    /** The attributes of an element that hold XML IDs in SAML and WS-Security: ID, Id, id, AssertionID, wsu:Id. */
    public static List<Attr> idLikeAttributes(Element e) {
        List<Attr> out = new ArrayList<>();
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String ln = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if (ln.equals("ID") || ln.equals("Id") || ln.equals("id") || ln.equals("AssertionID")) {
                out.add(a);
            }
        }
        return out;
    }
}
