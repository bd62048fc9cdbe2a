package org.mfaharness.lab.web;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML for the lab parties: namespace-aware parsing with DOCTYPE refused (so XXE and entity expansion are
 * impossible), no external access, a size limit; building and serialising documents; small DOM helpers.
 */
public final class SafeXml {
    /** The largest XML document a party parses. */
    public static final int MAX_XML_CHARS = 256 * 1024;

    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SafeXml() {
    }

    /** Thrown for XML the lab refuses: not well-formed, too large, or with a DOCTYPE. */
    public static final class XmlRejectedException extends Exception {
        private static final long serialVersionUID = 1L;

        public XmlRejectedException(String message) {
            super(message, null, false, false);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(QUIET);
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused");
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser misconfigured", e);
        }
    }

    /** Parses untrusted XML text. */
    public static Document parse(String xml) throws XmlRejectedException {
        if (xml == null || xml.isBlank()) {
            throw new XmlRejectedException("empty XML");
        }
        if (xml.length() > MAX_XML_CHARS) {
            throw new XmlRejectedException("XML too large");
        }
        try {
            return builder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXException e) {
            String m = String.valueOf(e.getMessage());
            throw new XmlRejectedException(m.contains("DOCTYPE") ? "DOCTYPE is not allowed" : "XML is not well-formed");
        } catch (java.io.IOException e) {
            throw new XmlRejectedException("XML could not be read");
        }
    }

    /** A new empty namespace-aware document. */
    public static Document newDocument() {
        return builder().newDocument();
    }

    /** Serialises a document or element without an XML declaration and without re-indenting (signatures stay valid). */
    public static String serialize(Node node) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("XML serialisation failed", e);
        }
    }

    /** The child elements of {@code parent} with that namespace and local name. */
    public static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The only such child, or null when there is none or more than one. */
    public static Element child(Element parent, String ns, String local) {
        List<Element> c = children(parent, ns, local);
        return c.size() == 1 ? c.get(0) : null;
    }

    /** All descendant elements with that namespace and local name. */
    public static List<Element> descendants(Node root, String ns, String local) {
        NodeList nl = root instanceof Document d ? d.getElementsByTagNameNS(ns, local)
                : ((Element) root).getElementsByTagNameNS(ns, local);
        List<Element> out = new ArrayList<>(nl.getLength());
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    /** The whole text content with surrounding XML whitespace collapsed (xs:anyURI, xs:string comparisons). */
    public static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }

    /** An attribute value (no namespace), or null when absent. */
    public static String attr(Element e, String name) {
        return e != null && e.hasAttributeNS(null, name) ? e.getAttributeNS(null, name) : null;
    }
}
