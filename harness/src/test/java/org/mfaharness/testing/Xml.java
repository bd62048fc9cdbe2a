package org.mfaharness.testing;

import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** DOM building and serialization for test artifacts (trusted input: our own documents). */
public final class Xml {
    private Xml() {
    }

    public static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Element el(Document d, String ns, String qname) {
        return d.createElementNS(ns, qname);
    }

    public static Element el(Document d, String ns, String qname, String text) {
        Element e = d.createElementNS(ns, qname);
        e.setTextContent(text);
        return e;
    }

    /** The first child element with this local name. */
    public static Element firstChild(Element parent, String localName) {
        for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalArgumentException("no " + localName + " in " + parent.getLocalName());
    }

    public static String serialize(Document d) {
        try {
            var t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(d), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
