package org.mfaharness.fuzz;

import static org.mfaharness.fuzz.gen.Gen.weight;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.mfaharness.fuzz.gen.Gen;
import org.mfaharness.fuzz.gen.Property;

/**
 * Whatever text arrives — random Unicode, random bytes read as UTF-8 or Latin-1, parser keywords in random order,
 * random base64 — {@code detect} then the chain judgement return at least one artifact and a verdict with an MFA
 * reading, without an exception and within {@link Engine#LIMIT}. Seeds are fixed so that CI runs are repeatable.
 */
class DetectorNeverThrowsProperties {

    @Test
    void arbitraryUnicodeText() {
        Property.tries(1200).seed(20261201).forAll(Inputs.unicode(2000), text -> Engine.judge(text, Engine.UNTRUSTED));
    }

    @Test
    void textInTheParsersAlphabet() {
        Property.tries(1200).seed(20261202).forAll(syntax(), text -> Engine.judge(text, Engine.UNTRUSTED));
    }

    @Test
    void parserKeywordsInRandomOrder() {
        Property.tries(1200).seed(20261203).forAll(Inputs.wordSoup(60), text -> Engine.judge(text, Engine.TRUSTING));
    }

    @Test
    void arbitraryBytesDecodedAsUtf8() {
        Property.tries(900).seed(20261204).forAll(Inputs.bytes(2000),
                bytes -> Engine.judge(new String(bytes, StandardCharsets.UTF_8), Engine.UNTRUSTED));
    }

    @Test
    void arbitraryBytesDecodedAsLatin1() {
        Property.tries(900).seed(20261205).forAll(Inputs.bytes(2000),
                bytes -> Engine.judge(new String(bytes, StandardCharsets.ISO_8859_1), Engine.UNTRUSTED));
    }

    @Test
    void randomBase64OfBytesOrOfXmlSoup() {
        Property.tries(900).seed(20261206).forAll(base64(), text -> Engine.judge(text, Engine.TRUSTING));
    }

    static Gen<String> syntax() {
        return Gen.frequency(
                weight(3, Inputs.syntax(400)),
                weight(1, Inputs.syntax(400).map(s -> "<" + s)),
                weight(1, Inputs.syntax(400).map(s -> "{" + s)));
    }

    static Gen<String> base64() {
        Gen<String> xmlSoup = Inputs.wordSoup(40).map(s -> "<" + s);
        return Gen.frequency(
                weight(1, Inputs.bytes(1500).map(b -> Base64.getEncoder().encodeToString(b))),
                weight(1, Inputs.bytes(1500).map(b -> Base64.getMimeEncoder().encodeToString(b))),
                weight(2, xmlSoup.map(Inputs::b64)),
                weight(1, xmlSoup.map(s -> "SAMLResponse=" + Inputs.url(Inputs.b64(s)))),
                weight(1, xmlSoup.map(s -> "SAMLRequest=" + Inputs.url(Inputs.b64(s)))),
                weight(1, Inputs.bytes(800).map(b -> "SAMLRequest=" + Inputs.url(Base64.getEncoder().encodeToString(b)))));
    }
}
