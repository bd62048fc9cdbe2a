package org.mfaharness.artifact.jwt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.artifact.Origin;

/** Decodes JWS compact tokens. Thread-safe. */
public final class JwtParser {
    /** Largest token accepted, in characters (Entra tokens are 1–4 KB; group-heavy ones up to ~16 KB). */
    public static final int MAX_CHARS = 256 * 1024;

    /**
     * Three base64url segments (the third may be empty, as for alg none). Padding is tolerated because Microsoft's
     * documentation samples carry it, though RFC 7515 omits it.
     */
    public static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]{2,}={0,2}\\.[A-Za-z0-9_-]{2,}={0,2}\\.[A-Za-z0-9_-]*={0,2}");
    /** Five segments: a JWE, whose content cannot be read without the recipient's key. */
    public static final Pattern COMPACT_JWE =
            Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(MAX_CHARS).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    /** {@link #FACTORY} that also refuses a duplicated member name: the one-pass read of a segment. */
    private static final JsonFactory STRICT_FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(MAX_CHARS).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JwtParser() {
    }

    /**
     * Whether {@code s} has the shape of a JWS compact token: {@link #COMPACT_JWS}, matched by a character loop
     * (the regex engine costs several microseconds on a 1.5 KB token, and the detector asks more than once). Any
     * length: an oversized token has the shape, and {@link #parse} refuses it with its size.
     */
    public static boolean looksLikeJws(String s) {
        return isCompactJws(s);
    }

    /** Whether {@code s} has the shape of a JWE compact token ({@link #COMPACT_JWE}, which needs exactly four dots). */
    public static boolean looksLikeJwe(String s) {
        int dots = 0;
        for (int i = s.indexOf('.'); i >= 0 && dots <= 4; i = s.indexOf('.', i + 1)) {
            dots++;
        }
        return dots == 4 && COMPACT_JWE.matcher(s).matches();
    }

    /** Exactly the language of {@link #COMPACT_JWS}: its segments cannot overlap, so one pass decides. */
    static boolean isCompactJws(String s) {
        int n = s.length();
        int i = 0;
        for (int segment = 0; segment < 3; segment++) {
            int start = i;
            while (i < n && isBase64UrlChar(s.charAt(i))) {
                i++;
            }
            if (segment < 2 && i - start < 2) {
                return false;
            }
            for (int pad = 0; pad < 2 && i < n && s.charAt(i) == '='; pad++) {
                i++;
            }
            if (segment < 2) {
                if (i >= n || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        return i == n;
    }

    private static final boolean[] BASE64URL = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            BASE64URL[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }
    }

    private static boolean isBase64UrlChar(char c) {
        return c < 128 && BASE64URL[c];
    }

    /**
     * Decodes a compact JWS.
     *
     * @throws MalformedJwtException with a one-line reason when a segment is not base64url JSON
     */
    public static JwtToken parse(String compact, Origin origin, ArtifactKind kind) throws MalformedJwtException {
        if (compact.length() > MAX_CHARS) {
            throw new MalformedJwtException("token of " + compact.length() + " characters exceeds the " + MAX_CHARS + " accepted");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new MalformedJwtException("a JWS has 3 dot-separated segments; this has " + parts.length);
        }
        List<String> duplicates = new ArrayList<>();
        ObjectNode header = decodeObject(parts[0], "header", duplicates);
        ObjectNode claims = decodeObject(parts[1], "payload", duplicates);
        return new JwtToken(compact, origin, kind, header, claims, parts[0], parts[1], parts[2], duplicates);
    }

    private static ObjectNode decodeObject(String segment, String which, List<String> duplicates)
            throws MalformedJwtException {
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw new MalformedJwtException("the " + which + " is not base64url");
        }
        String text = new String(json, StandardCharsets.UTF_8);
        JsonNode once = readOnce(text);
        if (once != null) {
            if (!(once instanceof ObjectNode o)) {
                throw new MalformedJwtException("the " + which + " is not a JSON object");
            }
            return o;
        }
        try {
            findDuplicates(text, which, duplicates);
            JsonNode n = MAPPER.readTree(text);
            if (!(n instanceof ObjectNode o)) {
                throw new MalformedJwtException("the " + which + " is not a JSON object");
            }
            return o;
        } catch (IOException e) {
            throw new MalformedJwtException("the " + which + " is not valid JSON: " + oneLine(e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /**
     * The common case in one pass: the tree of a text that holds exactly one JSON value, none of whose objects
     * repeats a member name. Null when that is not so (a duplicate, an error, trailing content, no content): the
     * two-pass path then decides, with its messages and its list of duplicates, exactly as before this shortcut.
     */
    private static JsonNode readOnce(String text) {
        try (JsonParser p = STRICT_FACTORY.createParser(text)) {
            JsonNode n = MAPPER.readTree(p);
            return n == null || p.nextToken() != null ? null : n;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Walks the JSON token stream and records every member name seen twice in the same object. */
    private static void findDuplicates(String json, String root, List<String> out) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            Deque<Set<String>> names = new ArrayDeque<>();
            Deque<String> path = new ArrayDeque<>();
            String pendingName = root;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT -> {
                        names.push(new HashSet<>());
                        path.push(pendingName == null ? "[]" : pendingName);
                        pendingName = null;
                    }
                    case END_OBJECT -> {
                        names.pop();
                        path.pop();
                    }
                    case START_ARRAY -> {
                        path.push(pendingName == null ? "[]" : pendingName);
                        pendingName = null;
                    }
                    case END_ARRAY -> path.pop();
                    case FIELD_NAME -> {
                        String name = p.currentName();
                        if (!names.peek().add(name)) {
                            out.add(String.join(".", reversed(path)) + "." + name);
                        }
                        pendingName = name;
                    }
                    default -> pendingName = null;
                }
            }
        }
    }

    private static List<String> reversed(Deque<String> d) {
        List<String> l = new ArrayList<>(d);
        java.util.Collections.reverse(l);
        return l;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** A JSON token stream parse error with a message fit for a finding. */
    public static final class MalformedJwtException extends Exception {
        private static final long serialVersionUID = 1L;

        public MalformedJwtException(String message) {
            super(message);
        }
    }
}
