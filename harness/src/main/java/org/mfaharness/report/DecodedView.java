package org.mfaharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.artifact.Saml2Response;
import org.mfaharness.artifact.WsFedResponse;
import org.mfaharness.artifact.xml.Dom;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The decoded artifact for people: XML re-indented, JWT header and payload as JSON with times in UTC and relative
 * to the evaluation time. Signatures, digests and certificates are shortened: this view is never re-judged.
 */
public final class DecodedView {
    /** Elements whose text is shortened (signature material). */
    static final Set<String> SHORTENED = Set.of("SignatureValue", "X509Certificate", "DigestValue", "CipherValue");
    static final Set<String> TIME_CLAIMS = Set.of("iat", "nbf", "exp", "auth_time", "pwd_exp");
    static final int SHORT = 16;

    private DecodedView() {
    }

    /** The decoded lines of an artifact, or empty when it has nothing to show beyond its summary. */
    public static List<String> lines(Artifact a, Instant at) {
        if (a instanceof WsFedResponse r) {
            return xml(r.document().getDocumentElement());
        }
        if (a instanceof Saml2Response r) {
            return xml(r.document().getDocumentElement());
        }
        if (a instanceof JwtToken t) {
            return jwt(t, at);
        }
        return List.of();
    }

    static List<String> xml(Element root) {
        List<String> out = new ArrayList<>();
        element(root, 0, out);
        return out;
    }

    private static void element(Element e, int depth, List<String> out) {
        String indent = "  ".repeat(depth);
        StringBuilder open = new StringBuilder(indent).append('<').append(e.getTagName());
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (a.getName().startsWith("xmlns") && !rebinds(e, a)) {
                continue; // A declaration an ancestor already made is noise; a new or changed binding is evidence.
            }
            open.append(' ').append(a.getName()).append("=\"").append(escape(a.getValue())).append('"');
        }
        List<Element> children = Dom.childElements(e);
        if (children.isEmpty()) {
            String text = Dom.text(e).strip();
            if (SHORTENED.contains(e.getLocalName()) && text.length() > SHORT) {
                text = text.substring(0, SHORT) + "…(" + text.length() + " chars)";
            }
            out.add(open + (text.isEmpty() ? "/>" : ">" + escape(text) + "</" + e.getTagName() + ">"));
            return;
        }
        out.add(open + ">");
        for (Element c : children) {
            element(c, depth + 1, out);
        }
        out.add(indent + "</" + e.getTagName() + ">");
    }

    /** Whether the declaration {@code a} on {@code e} binds its prefix differently from {@code e}'s ancestors. */
    private static boolean rebinds(Element e, Attr a) {
        String prefix = a.getName().equals("xmlns") ? null : a.getLocalName();
        org.w3c.dom.Node parent = e.getParentNode();
        String inherited = parent instanceof Element p ? p.lookupNamespaceURI(prefix) : null;
        return !a.getValue().equals(inherited);
    }

    static List<String> jwt(JwtToken t, Instant at) {
        List<String> out = new ArrayList<>();
        out.add("header:");
        object(t.header(), at, out);
        out.add("payload:");
        object(t.claims(), at, out);
        String sig = t.signaturePart();
        out.add("signature: " + (sig.isEmpty() ? "(none)" : sig.substring(0, Math.min(SHORT, sig.length())) + "…(" + sig.length() + " chars)"));
        return out;
    }

    private static void object(JsonNode o, Instant at, List<String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String v = e.getValue().toString();
            Instant t = timeClaim(e.getKey(), e.getValue());
            if (t != null) {
                v += "  (" + t + ", " + relative(t, at) + ")";
            } else if (v.length() > 200) {
                v = v.substring(0, 200) + "…";
            }
            out.add("  \"" + e.getKey() + "\": " + v);
        }
    }

    /**
     * The instant of a numeric time claim (exp, iat, nbf…), or null for any other claim. Hostile values ({@code 1e308})
     * are clamped as {@link JwtToken#epochSeconds} does, so rendering never fails.
     */
    static Instant timeClaim(String name, JsonNode value) {
        return TIME_CLAIMS.contains(name) && value.isNumber() ? Instant.ofEpochSecond(JwtToken.epochSeconds(value)) : null;
    }

    /** "3 h 2 min before" / "after" the evaluation time. */
    static String relative(Instant t, Instant at) {
        Duration d = Duration.between(at, t);
        String when = d.isNegative() ? "before" : "after";
        d = d.abs();
        String amount = d.toDays() > 2 ? d.toDays() + " days" : d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() + " min " + d.toSecondsPart() + " s";
        return amount + " " + when + " the evaluation time";
    }

    /** The index of the line the decisive element is on (the first holding its mark), or -1. */
    static int decisiveLine(List<String> lines, org.mfaharness.verify.Evidence decisive) {
        String mark = decisive == null ? null : markOf(decisive);
        if (mark != null) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(mark)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The text that marks the decisive element in the decoded lines: the raw value, or the JSON member for JWT paths. */
    private static String markOf(org.mfaharness.verify.Evidence e) {
        if (e.path().startsWith("payload.") || e.path().startsWith("header.")) {
            return "\"" + e.path().substring(e.path().indexOf('.') + 1) + "\"";
        }
        if (e.value() != null && !e.value().isBlank() && e.value().length() < 300) {
            return escape(e.value().strip().split("\\s+")[0]);
        }
        String p = e.path();
        int slash = p.lastIndexOf('/');
        String last = slash >= 0 ? p.substring(slash + 1) : p;
        return last.startsWith("@") ? last.substring(1) + "=" : last.isEmpty() ? null : last;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
