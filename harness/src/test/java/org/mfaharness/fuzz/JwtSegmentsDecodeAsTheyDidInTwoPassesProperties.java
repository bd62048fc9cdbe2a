package org.mfaharness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.fuzz.gen.Gen.weight;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
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
import org.junit.jupiter.api.Test;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.artifact.Origin;
import org.mfaharness.artifact.jwt.JwtParser;
import org.mfaharness.fuzz.gen.Gen;
import org.mfaharness.fuzz.gen.Property;
import org.mfaharness.fuzz.gen.Tally;

/**
 * {@link JwtParser#parse} reads a segment in one pass when it can (one JSON value, no duplicated member) and falls
 * back to the original two passes — walk the tokens for duplicates, then read the tree — otherwise. The outcome is
 * the one the two-pass decoder (kept here, verbatim, as the oracle) gives: the same header and claims trees and the
 * same list of duplicated members, or the same one-line reason for refusing the token.
 */
class JwtSegmentsDecodeAsTheyDidInTwoPassesProperties {

    @Test
    void sameTreesDuplicatesAndReasons() {
        Tally outcomes = new Tally("outcome");
        Property.tries(1500).seed(20261281).limitPerTry(Engine.LIMIT).forAll(segments(), segments(), (header, payload) -> {
            String token = Inputs.b64url(header) + "." + Inputs.b64url(payload) + ".c2ln";
            String expected;
            try {
                expected = describe(TwoPass.parse(token));
            } catch (JwtParser.MalformedJwtException e) {
                expected = "refused: " + e.getMessage();
            }
            String actual;
            try {
                actual = describe(JwtParser.parse(token, Origin.input(null), ArtifactKind.ENTRA_TOKEN));
            } catch (JwtParser.MalformedJwtException e) {
                actual = "refused: " + e.getMessage();
            }
            outcomes.add(expected.startsWith("refused") ? "refused"
                    : expected.contains("duplicates=[]") ? "decoded" : "decoded with duplicates");
            assertThat(actual).as("header %s, payload %s", Engine.describe(header), Engine.describe(payload)).isEqualTo(expected);
        });
        outcomes.print();
    }

    private static String describe(JwtToken t) {
        return "header=" + t.header() + " claims=" + t.claims() + " duplicates=" + t.duplicateMembers();
    }

    private static String describe(Object[] headerClaimsDuplicates) {
        return "header=" + headerClaimsDuplicates[0] + " claims=" + headerClaimsDuplicates[1] + " duplicates=" + headerClaimsDuplicates[2];
    }

    static Gen<String> segments() {
        Gen<String> trailing = Gen.of("", "", "", " ", "\n", "{}", "{\"a\":1}", "{\"a\":1,\"a\":2}", "x", "}", "]", "1", "null", ",");
        Gen<String> value = Gen.frequency(
                weight(4, Inputs.jsonObject()),
                weight(2, Inputs.joseHeader()),
                weight(1, Inputs.jsonValue(3)),
                weight(1, Gen.of("", " ", "{\"a\":{\"b\":1,\"b\":2},\"a\":[{\"c\":1,\"c\":1}]}", "{\"amr\":[\"pwd\"],\"amr\":[\"mfa\"]}",
                        "[{\"x\":1,\"x\":2}]", "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}")));
        return Gen.zip(value, trailing, (v, t) -> v + t);
    }

    /** The decoder as it was before the one-pass read (commit 7064eef), as the oracle. */
    static final class TwoPass {
        private static final JsonFactory FACTORY = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(JwtParser.MAX_CHARS).build())
                .build();
        private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

        static Object[] parse(String compact) throws JwtParser.MalformedJwtException {
            String[] parts = compact.split("\\.", -1);
            List<String> duplicates = new ArrayList<>();
            ObjectNode header = decodeObject(parts[0], "header", duplicates);
            ObjectNode claims = decodeObject(parts[1], "payload", duplicates);
            return new Object[] {header, claims, duplicates};
        }

        private static ObjectNode decodeObject(String segment, String which, List<String> duplicates) throws JwtParser.MalformedJwtException {
            byte[] json;
            try {
                json = Base64.getUrlDecoder().decode(segment);
            } catch (IllegalArgumentException e) {
                throw new JwtParser.MalformedJwtException("the " + which + " is not base64url");
            }
            String text = new String(json, StandardCharsets.UTF_8);
            try {
                findDuplicates(text, which, duplicates);
                JsonNode n = MAPPER.readTree(text);
                if (!(n instanceof ObjectNode o)) {
                    throw new JwtParser.MalformedJwtException("the " + which + " is not a JSON object");
                }
                return o;
            } catch (IOException e) {
                throw new JwtParser.MalformedJwtException("the " + which + " is not valid JSON: "
                        + oneLine(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
            }
        }

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
                                List<String> l = new ArrayList<>(path);
                                java.util.Collections.reverse(l);
                                out.add(String.join(".", l) + "." + name);
                            }
                            pendingName = name;
                        }
                        default -> pendingName = null;
                    }
                }
            }
        }

        private static String oneLine(String s) {
            return s == null ? "" : s.replaceAll("\\s+", " ").trim();
        }
    }
}
