package org.mfaharness.proxy.redact;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mfaharness.proxy.exchange.Bodies;
import org.mfaharness.proxy.exchange.Body;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.exchange.FormCodec;
import org.mfaharness.proxy.exchange.Header;

/**
 * Applies a {@link RedactionPolicy} to exchanges. In order, for each exchange:
 * <ol>
 *   <li>URL: query and fragment fields with sensitive names get {@value RedactionPolicy#MARKER};</li>
 *   <li>headers: {@code Cookie} and {@code Set-Cookie} values; {@code Authorization} and {@code Proxy-Authorization}
 *       credentials of every scheme except {@code Bearer}; the URLs in {@code Location}, {@code Referer},
 *       {@code Content-Location}; headers named like a sensitive field;</li>
 *   <li>bodies (the captured prefix): form fields, JSON members (string or number values), HTML
 *       {@code <input name=… value=…>} with sensitive names — untouched bytes stay byte-identical;</li>
 *   <li>share mode: the {@link FieldScrubber}s on every remaining field and the {@link BodyScrubber}s on bodies;</li>
 *   <li>exact secret values anywhere in URL, headers and bodies, raw and in their URL-, JSON- and HTML-escaped
 *       forms.</li>
 * </ol>
 * {@link RedactionMode#RAW} returns exchanges unchanged. Thread-safe; secret values can be added while running
 * ({@link #addSecretValue}).
 */
public final class Redactor implements UnaryOperator<Exchange> {
    private static final String M = RedactionPolicy.MARKER;
    private static final Pattern JSON_MEMBER = Pattern.compile(
            // Strings as unrolled loops ([^"\\]*+ (\\. [^"\\]*+)*+): the regex engine recurses per escape, not per
            // character, so a multi-kilobyte token in a JSON body cannot overflow the stack.
            "\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"(\\s*:\\s*)(\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|-?\\d[\\d.eE+-]*)");
    private static final Pattern INPUT_TAG = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile(
            "([A-Za-z_:][-A-Za-z0-9_:.]*)\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
    private static final Set<String> URL_HEADERS = Set.of("location", "referer", "content-location");
    private static final Pattern HTML_ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|quot|amp|lt|gt|apos);");
    private static final byte[] M_BYTES = M.getBytes(StandardCharsets.UTF_8);

    private final RedactionPolicy policy;
    /** Shared with {@link #withoutShareScrubbing()}'s view, so both see values added later. */
    private final SecretValues secretValues;
    private final boolean share;

    public Redactor(RedactionPolicy policy) {
        this(policy, new SecretValues(policy.secretValues()), policy.mode() == RedactionMode.SHARE);
    }

    private Redactor(RedactionPolicy policy, SecretValues secretValues, boolean share) {
        this.policy = policy;
        this.secretValues = secretValues;
        this.share = share;
    }

    /**
     * This redactor without the share-mode scrubbers (itself when it has none): secrets are removed exactly as here —
     * the same secret values, including ones added later — but signatures stay, so in-process listeners judge what
     * was really signed while only the HAR is prepared for sharing.
     */
    public Redactor withoutShareScrubbing() {
        return share ? new Redactor(policy, secretValues, false) : this;
    }

    /** Adds an exact secret value (e.g. the TOTP code about to be typed) to scrub from later exchanges. */
    public void addSecretValue(String value) {
        if (value != null && !value.isEmpty()) {
            secretValues.add(value);
        }
    }

    @Override
    public Exchange apply(Exchange e) {
        if (policy.mode() == RedactionMode.RAW) {
            return e;
        }
        String url = redactUrl(e.url());
        List<Header> reqHeaders = redactHeaders(e.requestHeaders(), false);
        Body reqBody = redactBody(e.requestBody(), e.requestHeader("Content-Type").orElse(null));
        List<Header> respHeaders = redactHeaders(e.responseHeaders(), true);
        Body respBody = redactBody(e.responseBody(), e.responseHeader("Content-Type").orElse(null));
        return e.withRequest(url, reqHeaders, reqBody).withResponse(respHeaders, respBody);
    }

    /** A URL with sensitive query/fragment fields and secret values removed. */
    private String redactUrl(String url) {
        if (policy.mode() == RedactionMode.RAW || url == null) {
            return url;
        }
        String out = url;
        int hash = out.indexOf('#');
        String fragment = null;
        if (hash >= 0) {
            fragment = out.substring(hash + 1);
            out = out.substring(0, hash);
        }
        int q = out.indexOf('?');
        if (q >= 0) {
            out = out.substring(0, q + 1) + redactForm(out.substring(q + 1), FieldLocation.QUERY);
        }
        if (fragment != null) {
            out = out + "#" + (fragment.contains("=") ? redactForm(fragment, FieldLocation.FRAGMENT) : fragment);
        }
        return scrubValues(out);
    }

    private List<Header> redactHeaders(List<Header> headers, boolean response) {
        List<Header> out = new ArrayList<>(headers.size());
        for (Header h : headers) {
            String n = h.name().toLowerCase(Locale.ROOT);
            String v = h.value();
            boolean valuesScrubbed = false; // set when redactUrl has removed the secret values already
            if (n.equals("cookie")) {
                v = redactCookies(v);
            } else if (n.equals("set-cookie") || n.equals("set-cookie2")) {
                v = redactSetCookie(v);
            } else if (n.equals("authorization") || n.equals("proxy-authorization")) {
                v = redactAuthorization(v);
            } else if (URL_HEADERS.contains(n)) {
                v = redactUrl(v);
                valuesScrubbed = true;
            } else if (policy.isSensitive(n)) {
                v = M;
            }
            if (share && !v.equals(M)) {
                String before = v;
                v = scrubFields(FieldLocation.HEADER, h.name(), v);
                valuesScrubbed &= v.equals(before);
            }
            if (!valuesScrubbed) {
                v = scrubValues(v);
            }
            out.add(v.equals(h.value()) ? h : new Header(h.name(), v));
        }
        return out;
    }

    private static String redactCookies(String v) {
        StringBuilder sb = new StringBuilder();
        for (String part : v.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            int eq = p.indexOf('=');
            sb.append(eq < 0 ? M : p.substring(0, eq) + "=" + M);
        }
        return sb.toString();
    }

    private static String redactSetCookie(String v) {
        int semi = v.indexOf(';');
        String first = semi < 0 ? v : v.substring(0, semi);
        String rest = semi < 0 ? "" : v.substring(semi);
        int eq = first.indexOf('=');
        return (eq < 0 ? M : first.substring(0, eq).trim() + "=" + M) + rest;
    }

    private static String redactAuthorization(String v) {
        String t = v.trim();
        int sp = t.indexOf(' ');
        String scheme = sp < 0 ? t : t.substring(0, sp);
        if (scheme.equalsIgnoreCase("bearer")) {
            return v;
        }
        return sp < 0 ? M : scheme + " " + M;
    }

    /** Form/query redaction keeping every untouched pair byte-identical. */
    private String redactForm(String form, FieldLocation where) {
        String[] pairs = form.split("&", -1);
        StringBuilder sb = new StringBuilder(form.length());
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                sb.append('&');
            }
            String pair = pairs[i];
            int eq = pair.indexOf('=');
            if (eq < 0) {
                sb.append(pair);
                continue;
            }
            String rawName = pair.substring(0, eq);
            String name = FormCodec.decodeComponent(rawName);
            if (policy.isSensitive(name)) {
                sb.append(rawName).append('=').append(M);
                continue;
            }
            if (share && !policy.fieldScrubbers().isEmpty()) {
                String value = FormCodec.decodeComponent(pair.substring(eq + 1));
                String scrubbed = scrubFields(where, name, value);
                if (!scrubbed.equals(value)) {
                    sb.append(rawName).append('=').append(FormCodec.encodeComponent(scrubbed));
                    continue;
                }
            }
            sb.append(pair);
        }
        return sb.toString();
    }

    private Body redactBody(Body body, String contentType) {
        if (body.capturedLength() == 0) {
            return body;
        }
        byte[] bytes = body.bytes();
        byte[] out = bytes;
        String mime = Bodies.mimeType(contentType);
        Charset cs = Bodies.charsetOrUtf8(contentType);
        if (mime.equals("application/x-www-form-urlencoded")) {
            out = redactText(out, cs, t -> redactForm(t, FieldLocation.FORM));
        } else if (mime.equals("application/json") || mime.endsWith("+json")) {
            out = redactText(out, cs, this::redactJson);
        } else if (mime.equals("text/html") || mime.equals("application/xhtml+xml")) {
            out = redactText(out, cs, this::redactHtmlInputs);
        }
        if (share) {
            for (BodyScrubber s : policy.bodyScrubbers()) {
                byte[] r = s.scrub(contentType, out);
                out = r == null ? out : r;
            }
        }
        out = scrubValues(out);
        return out == bytes ? body : new Body(out, body.originalSize(), body.truncated());
    }

    private static byte[] redactText(byte[] in, Charset cs, UnaryOperator<String> f) {
        String text = new String(in, cs);
        String r = f.apply(text);
        return r.equals(text) ? in : r.getBytes(cs);
    }

    private String redactJson(String json) {
        Matcher m = JSON_MEMBER.matcher(json);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String name = unescapeJson(m.group(1));
            String value = m.group(3);
            String replacement = null;
            if (policy.isSensitive(name)) {
                replacement = "\"" + M + "\"";
            } else if (share && value.startsWith("\"") && !policy.fieldScrubbers().isEmpty()) {
                String decoded = unescapeJson(value.substring(1, value.length() - 1));
                String s = scrubFields(FieldLocation.JSON, name, decoded);
                if (!s.equals(decoded)) {
                    replacement = "\"" + escapeJson(s) + "\"";
                }
            }
            if (replacement != null) {
                if (sb == null) {
                    sb = new StringBuilder(json.length());
                }
                sb.append(json, last, m.start(3)).append(replacement);
                last = m.end(3);
            }
        }
        if (sb == null) {
            return json;
        }
        sb.append(json, last, json.length());
        return sb.toString();
    }

    private String redactHtmlInputs(String html) {
        Matcher tag = INPUT_TAG.matcher(html);
        StringBuilder sb = null;
        int last = 0;
        while (tag.find()) {
            String t = tag.group();
            String name = null;
            int vStart = -1;
            int vEnd = -1;
            Matcher a = ATTR.matcher(t);
            while (a.find()) {
                String attr = a.group(1).toLowerCase(Locale.ROOT);
                int g = a.group(3) != null ? 3 : a.group(4) != null ? 4 : 5;
                if (attr.equals("name")) {
                    name = unescapeHtml(a.group(g));
                } else if (attr.equals("value")) {
                    vStart = a.start(g);
                    vEnd = a.end(g);
                }
            }
            if (name == null || vStart < 0) {
                continue;
            }
            String newValue = null;
            if (policy.isSensitive(name)) {
                newValue = M;
            } else if (share && !policy.fieldScrubbers().isEmpty()) {
                String decoded = unescapeHtml(t.substring(vStart, vEnd));
                String s = scrubFields(FieldLocation.HTML_INPUT, name, decoded);
                if (!s.equals(decoded)) {
                    newValue = escapeHtml(s);
                }
            }
            if (newValue != null) {
                if (sb == null) {
                    sb = new StringBuilder(html.length());
                }
                sb.append(html, last, tag.start() + vStart).append(newValue);
                last = tag.start() + vEnd;
            }
        }
        if (sb == null) {
            return html;
        }
        sb.append(html, last, html.length());
        return sb.toString();
    }

    /** Runs every share-mode field scrubber, in order, on one field value. */
    private String scrubFields(FieldLocation where, String name, String value) {
        String v = value;
        for (FieldScrubber s : policy.fieldScrubbers()) {
            v = s.scrub(where, name, v);
        }
        return v;
    }

    private String scrubValues(String s) {
        String out = s;
        for (String variant : secretValues.texts()) {
            if (out.contains(variant)) {
                out = out.replace(variant, M);
            }
        }
        return out;
    }

    private byte[] scrubValues(byte[] b) {
        byte[] out = b;
        for (byte[] variant : secretValues.utf8()) {
            out = replaceAll(out, variant, M_BYTES);
        }
        return out;
    }

    /**
     * The exact secret values with their escaped forms, built once per value: every variant string and its UTF-8
     * bytes, in the order values were added. Readers take the current arrays without locking; adding a value
     * publishes new arrays. Thread-safe.
     */
    private static final class SecretValues {
        private final Set<String> values = new HashSet<>();
        private volatile Variants variants = new Variants(new String[0], new byte[0][]);

        private record Variants(String[] texts, byte[][] utf8) {
        }

        SecretValues(Collection<String> initial) {
            initial.forEach(this::add);
        }

        synchronized void add(String value) {
            if (!values.add(value)) {
                return;
            }
            List<String> v = variants(value);
            Variants old = variants;
            String[] texts = Arrays.copyOf(old.texts, old.texts.length + v.size());
            byte[][] utf8 = Arrays.copyOf(old.utf8, old.utf8.length + v.size());
            for (int i = 0; i < v.size(); i++) {
                texts[old.texts.length + i] = v.get(i);
                utf8[old.utf8.length + i] = v.get(i).getBytes(StandardCharsets.UTF_8);
            }
            variants = new Variants(texts, utf8);
        }

        /** Every variant of every value (not to be modified). */
        String[] texts() {
            return variants.texts;
        }

        /** The UTF-8 bytes of {@link #texts()}, index for index (not to be modified). */
        byte[][] utf8() {
            return variants.utf8;
        }
    }

    private static List<String> variants(String secret) {
        List<String> v = new ArrayList<>(5);
        v.add(secret);
        String form = FormCodec.encodeComponent(secret);
        addIfNew(v, form);
        addIfNew(v, form.replace("+", "%20"));
        addIfNew(v, escapeJson(secret));
        addIfNew(v, escapeHtml(secret));
        return v;
    }

    private static void addIfNew(List<String> l, String s) {
        if (!l.contains(s)) {
            l.add(s);
        }
    }

    private static byte[] replaceAll(byte[] in, byte[] find, byte[] with) {
        if (find.length == 0) {
            return in;
        }
        int idx = indexOf(in, find, 0);
        if (idx < 0) {
            return in;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length);
        int from = 0;
        while (idx >= 0) {
            out.write(in, from, idx - from);
            out.write(with, 0, with.length);
            from = idx + find.length;
            idx = indexOf(in, find, from);
        }
        out.write(in, from, in.length - from);
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            if (hay[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String unescapeJson(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (i + 4 < s.length()) {
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                            i += 4;
                        } catch (NumberFormatException e) {
                            sb.append("\\u");
                        }
                    } else {
                        sb.append("\\u");
                    }
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }

    static String escapeJson(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String unescapeHtml(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = HTML_ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "quot" -> "\"";
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "apos" -> "'";
                default -> {
                    try {
                        int cp = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                        yield new String(Character.toChars(cp));
                    } catch (IllegalArgumentException ex) {
                        yield m.group();
                    }
                }
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
