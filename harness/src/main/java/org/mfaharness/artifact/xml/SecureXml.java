package org.mfaharness.artifact.xml;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way this project parses untrusted XML. Namespace-aware; DOCTYPE declarations are refused outright (so
 * no external entity, no entity expansion, no DTD fetch); XInclude off; secure processing on; input larger than
 * {@link #MAX_CHARS} or nested deeper than {@link #MAX_DEPTH} is refused. Uses the JDK's built-in parser, whatever
 * else is on the class path. Thread-safe.
 */
public final class SecureXml {
    /** Largest XML document accepted, in characters (an RSTR is ~10 KB; a SAML Response rarely exceeds 100 KB). */
    public static final int MAX_CHARS = 4 * 1024 * 1024;
    /** Deepest element nesting accepted (SAML needs about 10). */
    public static final int MAX_DEPTH = 64;

    private static final DocumentBuilderFactory FACTORY = newFactory();

    private SecureXml() {
    }

    private static DocumentBuilderFactory newFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setIgnoringComments(false);
        f.setCoalescing(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
        return f;
    }

    /** Parses {@code xml} or refuses it with a one-line reason. */
    public static Document parse(String xml) throws XmlRefusedException {
        if (xml.length() > MAX_CHARS) {
            throw new XmlRefusedException(XmlRefusedException.Reason.TOO_LARGE,
                    "XML of " + xml.length() + " characters is larger than the " + MAX_CHARS + " accepted");
        }
        if (containsDoctype(xml)) {
            throw new XmlRefusedException(XmlRefusedException.Reason.DOCTYPE,
                    "XML with a DOCTYPE declaration is refused (entity expansion and external entities are never processed)");
        }
        try {
            DocumentBuilder b;
            synchronized (FACTORY) {
                b = FACTORY.newDocumentBuilder();
            }
            b.setErrorHandler(SILENT);
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            Document d = b.parse(new InputSource(new StringReader(xml)));
            if (depth(d.getDocumentElement(), 1) > MAX_DEPTH) {
                throw new XmlRefusedException(XmlRefusedException.Reason.TOO_DEEP,
                        "XML nested deeper than " + MAX_DEPTH + " elements is refused");
            }
            return d;
        } catch (SAXParseException e) {
            String msg = oneLine(e.getMessage());
            if (msg.contains("DOCTYPE")) {
                throw new XmlRefusedException(XmlRefusedException.Reason.DOCTYPE,
                        "XML with a DOCTYPE declaration is refused");
            }
            if (msg.toLowerCase(java.util.Locale.ROOT).contains("depth")) {
                throw new XmlRefusedException(XmlRefusedException.Reason.TOO_DEEP,
                        "XML nested deeper than " + MAX_DEPTH + " elements is refused");
            }
            throw new XmlRefusedException(XmlRefusedException.Reason.MALFORMED,
                    "XML is not well-formed at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + msg);
        } catch (SAXException e) {
            throw new XmlRefusedException(XmlRefusedException.Reason.MALFORMED, "XML refused: " + oneLine(e.getMessage()));
        } catch (IOException | ParserConfigurationException e) {
            throw new XmlRefusedException(XmlRefusedException.Reason.MALFORMED, "XML could not be read: " + oneLine(e.getMessage()));
        }
    }

    /** Whether the text looks like XML (after leading whitespace and an optional BOM). */
    public static boolean looksLikeXml(String s) {
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '<';
    }

    private static boolean containsDoctype(String xml) {
        // Cheap pre-check; the parser feature is the real guard. Case-insensitive "<!DOCTYPE".
        int i = xml.indexOf("<!");
        while (i >= 0) {
            if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9) || xml.regionMatches(true, i, "<!ENTITY", 0, 8)) {
                return true;
            }
            i = xml.indexOf("<!", i + 2);
        }
        return false;
    }

    private static int depth(Node n, int d) {
        int max = d;
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                max = Math.max(max, depth(c, d + 1));
                if (max > MAX_DEPTH) {
                    return max;
                }
            }
        }
        return max;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
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
}
