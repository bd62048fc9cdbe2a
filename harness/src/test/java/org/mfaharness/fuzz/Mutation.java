package org.mfaharness.fuzz;

import static org.mfaharness.fuzz.gen.Gen.weight;

import java.util.ArrayList;
import java.util.List;
import org.mfaharness.fuzz.gen.Gen;

/**
 * One edit of a text, described by data so that a failure message shows it readably and it can be replayed: where
 * (a fraction of the length, or of the occurrences of a character class), what (a kind) and with what (a snippet).
 * {@link #apply} is deterministic.
 *
 * @param kind    the edit
 * @param where   0..1: the position, as a fraction of the region (the whole text, or the occurrences of a class)
 * @param length  how many characters the edit spans or repeats
 * @param snippet the text inserted or substituted, when the kind uses one
 */
record Mutation(Kind kind, double where, int length, String snippet) {

    enum Kind {
        /** Flips one bit of one character. */
        BIT_FLIP,
        /** Cuts the text at a position. */
        TRUNCATE,
        /** Cuts the text just before, at or after an occurrence of a syntax character ({@code < > " = . & ;} …). */
        TRUNCATE_AT_CLASS,
        /** Inserts the snippet. */
        INSERT,
        /** Inserts the snippet just after a syntax character (inside tags, values, segments). */
        INSERT_AT_CLASS,
        /** Replaces {@code length} characters with the snippet. */
        REPLACE,
        /** Deletes {@code length} characters. */
        DELETE,
        /** Repeats {@code length} characters right after themselves. */
        DUPLICATE,
        /** Replaces {@code length} characters with random base64. */
        RANDOM_BASE64,
        /** Inserts deeply nested tags. */
        NEST,
        /** Inserts a huge attribute just after an element name. */
        HUGE_ATTRIBUTE,
        /** Replaces the value of one attribute ({@code ="..."}) with the snippet. */
        REPLACE_ATTRIBUTE_VALUE,
        /** Replaces one text node ({@code >...<}) with the snippet. */
        REPLACE_TEXT
    }

    /** The syntax characters whose positions {@code *_AT_CLASS} edits pick from. */
    static final String CLASS_CHARS = "<>\"'=.&;:/ ";

    /** Snippets that matter to XML, JSON, JWT, base64 and form parsers. */
    static final List<String> SNIPPETS = List.of(
            "<!DOCTYPE x [<!ENTITY e \"x\">]>", "<!DOCTYPE x SYSTEM \"http://127.0.0.1:9/x.dtd\">", "<!doctype x>", "<!ENTITY e \"x\">",
            "<!--", "-->", "<!-- c -->", "<!---->", "&", "&amp;", "&e;", "&#0;", "&#x110000;", "&#xD800;", "&#65;", "<![CDATA[x]]>",
            "<![CDATA[", "<?pi x?>", "<?xml version=\"1.0\"?>", "<x>", "</x>", "<x/>", "\"", "'", "=", ">", "<", " ", "\n", "\u0000",
            "\uFFFE", "\uD800", "\uFEFF", "\u00e9", "xmlns=\"urn:x\"", " xmlns:saml=\"urn:x\"", " ID=\"_dup\"", " AssertionID=\"_dup\"",
            "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/>",
            "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:1.0:assertion\" AssertionID=\"_x\"/>",
            "http://schemas.microsoft.com/claims/multipleauthn", "urn:federation:MicrosoftOnline", "9999-12-31T23:59:59Z",
            "+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "2026-02-30T00:00:00Z", "2026-01-01T00:00:00+14:00", "2026-01-01T00:00:00", "1970-01-01T00:00:00Z", "",
            "urn:oasis:names:tc:SAML:1.0:am:password", "http://schemas.microsoft.com/claims/wiaormultiauthn", "#_x", "_dup",
            ".", "..", "=", "==", "-", "_", "+", "/", "%", "%2", "%zz", "%25", "%00", "&x=", "=&", "{", "}", "[", "]", ",", ":",
            "\"amr\":[\"mfa\"]", "\"amr\":\"mfa\"", "\"exp\":1e309", "\"nbf\":-9223372036854775809", "\"alg\":\"none\"", "null",
            "AADSTS50076", "eyJ", "eyJhbGciOiJub25lIn0", "\\u0000", "\\ud800", "\\");

    /** Applies the edit; every position is clamped into the text. */
    String apply(String s) {
        int n = s.length();
        int at = Math.min(n, (int) (where * n));
        int len = Math.max(0, Math.min(length, n - at));
        return switch (kind) {
            case BIT_FLIP -> n == 0 ? s : flip(s, Math.min(at, n - 1), length % 16);
            case TRUNCATE -> s.substring(0, at);
            case TRUNCATE_AT_CLASS -> {
                int p = classPosition(s);
                yield p < 0 ? s.substring(0, at) : s.substring(0, Math.max(0, Math.min(n, p + (length % 3) - 1)));
            }
            case INSERT -> s.substring(0, at) + snippet + s.substring(at);
            case INSERT_AT_CLASS -> {
                int p = classPosition(s);
                int q = p < 0 ? at : p + 1;
                yield s.substring(0, q) + snippet + s.substring(q);
            }
            case REPLACE -> s.substring(0, at) + snippet + s.substring(at + len);
            case DELETE -> s.substring(0, at) + s.substring(at + len);
            case DUPLICATE -> s.substring(0, at + len) + s.substring(at, at + len) + s.substring(at + len);
            case RANDOM_BASE64 -> s.substring(0, at) + pseudoBase64(len + 1, snippet.hashCode() ^ length) + s.substring(at + len);
            case NEST -> {
                int depth = 10 + length * 50;
                yield s.substring(0, at) + "<a>".repeat(depth) + "</a>".repeat(depth) + s.substring(at);
            }
            case REPLACE_ATTRIBUTE_VALUE -> replaceNth(s, "=\"", '"');
            case REPLACE_TEXT -> replaceNth(s, ">", '<');
            case HUGE_ATTRIBUTE -> {
                int p = s.indexOf('<', at);
                int q = p < 0 ? at : nameEnd(s, p + 1);
                yield s.substring(0, q) + " huge=\"" + "A".repeat(1_000 + length * 20_000) + "\"" + s.substring(q);
            }
        };
    }

    /** Replaces what lies between the chosen occurrence of {@code open} and the next {@code close}. */
    private String replaceNth(String s, String open, char close) {
        List<Integer> starts = new ArrayList<>();
        for (int i = s.indexOf(open); i >= 0; i = s.indexOf(open, i + 1)) {
            int from = i + open.length();
            int to = s.indexOf(close, from);
            if (to >= 0 && (close != '<' || to > from)) {
                starts.add(from);
            }
        }
        if (starts.isEmpty()) {
            return s;
        }
        int from = starts.get(Math.min(starts.size() - 1, (int) (where * starts.size())));
        int to = s.indexOf(close, from);
        return s.substring(0, from) + snippet + s.substring(to);
    }

    private int classPosition(String s) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (CLASS_CHARS.indexOf(s.charAt(i)) >= 0) {
                positions.add(i);
            }
        }
        return positions.isEmpty() ? -1 : positions.get(Math.min(positions.size() - 1, (int) (where * positions.size())));
    }

    private static int nameEnd(String s, int from) {
        int i = from;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == ':' || s.charAt(i) == '_' || s.charAt(i) == '-')) {
            i++;
        }
        return i;
    }

    private static String flip(String s, int i, int bit) {
        char[] c = s.toCharArray();
        c[i] = (char) (c[i] ^ (1 << bit));
        return new String(c);
    }

    private static String pseudoBase64(int len, int seed) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_";
        StringBuilder b = new StringBuilder(len);
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < Math.min(len, 4096); i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            b.append(alphabet.charAt(Math.floorMod(x, alphabet.length())));
        }
        return b.toString();
    }

    static Gen<Mutation> any() {
        Gen<Kind> kind = Gen.frequency(
                kind(4, Kind.BIT_FLIP), kind(2, Kind.TRUNCATE), kind(3, Kind.TRUNCATE_AT_CLASS), kind(3, Kind.INSERT),
                kind(4, Kind.INSERT_AT_CLASS), kind(3, Kind.REPLACE), kind(2, Kind.DELETE), kind(1, Kind.DUPLICATE),
                kind(1, Kind.RANDOM_BASE64), kind(1, Kind.NEST), kind(1, Kind.HUGE_ATTRIBUTE),
                kind(3, Kind.REPLACE_ATTRIBUTE_VALUE), kind(2, Kind.REPLACE_TEXT));
        Gen<String> snippet = Gen.frequency(
                weight(5, Gen.of(SNIPPETS)),
                weight(1, Inputs.syntax(6)));
        return Gen.zip(kind, Gen.doubles(0, 1), Gen.ints(0, 40), snippet, Mutation::new);
    }

    private static Gen.Weighted<Kind> kind(int weight, Kind kind) {
        return weight(weight, Gen.constant(kind));
    }

    /** One to three edits, applied in order. */
    static Gen<List<Mutation>> some() {
        return any().list(1, 3);
    }

    static String applyAll(List<Mutation> ms, String s) {
        String out = s;
        for (Mutation m : ms) {
            out = m.apply(out);
        }
        return out;
    }

    @Override
    public String toString() {
        return kind + "@" + String.format("%.3f", where) + "/" + length + (kind.name().contains("INSERT") || kind.name().startsWith("REPLACE")
                ? " " + Engine.describe(snippet) : "");
    }
}
