package org.mfaharness.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mfaharness.fuzz.Corpus.Sample;

/**
 * Real artifacts — signed RSTRs and SAML 2.0 Responses, Entra tokens, form and JSON wrappings, AADSTS errors and the
 * public fixtures — with one to three edits: bit flips, truncation anywhere and at each syntax-character class,
 * inserted DOCTYPEs, comments, entity references, CDATA, deeply nested tags, huge attributes, random base64,
 * deletions and duplications. Edits are also made inside the encodings (the XML inside base64 and form fields, the
 * JSON inside a JWT segment) so that they reach the inner parsers. The engine neither throws nor hangs.
 */
class MutatedArtifactsNeverThrowProperties {

    @Property(tries = 1800, seed = "20261231")
    void editedRawArtifacts(@ForAll("samples") Sample sample, @ForAll("mutations") List<Mutation> edits) {
        String text = Mutation.applyAll(edits, sample.text());
        Engine.judge(text, Engine.TRUSTING);
    }

    @Property(tries = 900, seed = "20261232")
    void editsInsideTheEncodings(@ForAll("inner") Sample sample, @ForAll("mutations") List<Mutation> edits,
                                 @ForAll("wrappings") String wrapping) {
        String inner = Mutation.applyAll(edits, sample.text());
        String text = switch (wrapping) {
            case "base64" -> Inputs.b64(inner);
            case "samlresponse" -> "SAMLResponse=" + Inputs.url(Inputs.b64(inner));
            case "wresult" -> "wa=wsignin1.0&wresult=" + Inputs.url(inner);
            case "json" -> "{\"access_token\":" + Inputs.jsonString(inner) + "}";
            default -> inner;
        };
        Engine.judge(text, Engine.TRUSTING);
    }

    @Property(tries = 900, seed = "20261233")
    void editsInsideJwtSegments(@ForAll("tokens") Sample sample, @ForAll("mutations") List<Mutation> edits,
                                @ForAll("segment") int segment) {
        String[] parts = sample.text().split("\\.", -1);
        byte[] decoded = java.util.Base64.getUrlDecoder().decode(parts[segment]);
        String json = new String(decoded, java.nio.charset.StandardCharsets.UTF_8);
        parts[segment] = Inputs.b64url(Mutation.applyAll(edits, json));
        Engine.judge(String.join(".", parts), Engine.TRUSTING);
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.of(Corpus.ALL);
    }

    @Provide
    Arbitrary<Sample> inner() {
        return Arbitraries.of(Corpus.SIGNED);
    }

    @Provide
    Arbitrary<Sample> tokens() {
        return Arbitraries.of(Corpus.TOKENS);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutation.some();
    }

    @Provide
    Arbitrary<String> wrappings() {
        return Arbitraries.of("raw", "base64", "samlresponse", "wresult", "json");
    }

    @Provide
    Arbitrary<Integer> segment() {
        return Arbitraries.integers().between(0, 1);
    }
}
