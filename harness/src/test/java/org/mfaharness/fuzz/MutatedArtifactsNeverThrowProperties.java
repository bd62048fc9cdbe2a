package org.mfaharness.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.mfaharness.fuzz.gen.Gen;
import org.mfaharness.fuzz.gen.Property;

/**
 * Real artifacts — signed RSTRs and SAML 2.0 Responses, Entra tokens, form and JSON wrappings, AADSTS errors and the
 * public fixtures — with one to three edits: bit flips, truncation anywhere and at each syntax-character class,
 * inserted DOCTYPEs, comments, entity references, CDATA, deeply nested tags, huge attributes, random base64,
 * deletions and duplications. Edits are also made inside the encodings (the XML inside base64 and form fields, the
 * JSON inside a JWT segment) so that they reach the inner parsers. The engine neither throws nor hangs.
 */
class MutatedArtifactsNeverThrowProperties {

    @Test
    void editedRawArtifacts() {
        Property.tries(1800).seed(20261231).forAll(Gen.of(Corpus.ALL), Mutation.some(), (sample, edits) -> {
            String text = Mutation.applyAll(edits, sample.text());
            Engine.judge(text, Engine.TRUSTING);
        });
    }

    @Test
    void editsInsideTheEncodings() {
        Gen<String> wrappings = Gen.of("raw", "base64", "samlresponse", "wresult", "json");
        Property.tries(900).seed(20261232).forAll(Gen.of(Corpus.SIGNED), Mutation.some(), wrappings, (sample, edits, wrapping) -> {
            String inner = Mutation.applyAll(edits, sample.text());
            String text = switch (wrapping) {
                case "base64" -> Inputs.b64(inner);
                case "samlresponse" -> "SAMLResponse=" + Inputs.url(Inputs.b64(inner));
                case "wresult" -> "wa=wsignin1.0&wresult=" + Inputs.url(inner);
                case "json" -> "{\"access_token\":" + Inputs.jsonString(inner) + "}";
                default -> inner;
            };
            Engine.judge(text, Engine.TRUSTING);
        });
    }

    @Test
    void editsInsideJwtSegments() {
        Property.tries(900).seed(20261233).forAll(Gen.of(Corpus.TOKENS), Mutation.some(), Gen.ints(0, 1), (sample, edits, segment) -> {
            String[] parts = sample.text().split("\\.", -1);
            byte[] decoded = Base64.getUrlDecoder().decode(parts[segment]);
            String json = new String(decoded, StandardCharsets.UTF_8);
            parts[segment] = Inputs.b64url(Mutation.applyAll(edits, json));
            Engine.judge(String.join(".", parts), Engine.TRUSTING);
        });
    }
}
