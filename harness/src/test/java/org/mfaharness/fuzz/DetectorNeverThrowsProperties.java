package org.mfaharness.fuzz;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever text arrives — random Unicode, random bytes read as UTF-8 or Latin-1, parser keywords in random order,
 * random base64 — {@code detect} then the chain judgement return at least one artifact and a verdict with an MFA
 * reading, without an exception and within {@link Engine#LIMIT}. Seeds are fixed so that CI runs are repeatable.
 */
class DetectorNeverThrowsProperties {

    @Property(tries = 1200, seed = "20261201")
    void arbitraryUnicodeText(@ForAll("unicode") String text) {
        Engine.judge(text, Engine.UNTRUSTED);
    }

    @Property(tries = 1200, seed = "20261202")
    void textInTheParsersAlphabet(@ForAll("syntax") String text) {
        Engine.judge(text, Engine.UNTRUSTED);
    }

    @Property(tries = 1200, seed = "20261203")
    void parserKeywordsInRandomOrder(@ForAll("soup") String text) {
        Engine.judge(text, Engine.TRUSTING);
    }

    @Property(tries = 900, seed = "20261204")
    void arbitraryBytesDecodedAsUtf8(@ForAll("bytes") byte[] bytes) {
        Engine.judge(new String(bytes, StandardCharsets.UTF_8), Engine.UNTRUSTED);
    }

    @Property(tries = 900, seed = "20261205")
    void arbitraryBytesDecodedAsLatin1(@ForAll("bytes") byte[] bytes) {
        Engine.judge(new String(bytes, StandardCharsets.ISO_8859_1), Engine.UNTRUSTED);
    }

    @Property(tries = 900, seed = "20261206")
    void randomBase64OfBytesOrOfXmlSoup(@ForAll("base64") String text) {
        Engine.judge(text, Engine.TRUSTING);
    }

    @Provide
    Arbitrary<String> unicode() {
        return Inputs.unicode(2000);
    }

    @Provide
    Arbitrary<String> syntax() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Inputs.syntax(400)),
                Tuple.of(1, Inputs.syntax(400).map(s -> "<" + s)),
                Tuple.of(1, Inputs.syntax(400).map(s -> "{" + s)));
    }

    @Provide
    Arbitrary<String> soup() {
        return Inputs.wordSoup(60);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Inputs.bytes(2000);
    }

    @Provide
    Arbitrary<String> base64() {
        Arbitrary<String> xmlSoup = Inputs.wordSoup(40).map(s -> "<" + s);
        return Arbitraries.frequencyOf(
                Tuple.of(1, Inputs.bytes(1500).map(b -> java.util.Base64.getEncoder().encodeToString(b))),
                Tuple.of(1, Inputs.bytes(1500).map(b -> java.util.Base64.getMimeEncoder().encodeToString(b))),
                Tuple.of(2, xmlSoup.map(Inputs::b64)),
                Tuple.of(1, xmlSoup.map(s -> "SAMLResponse=" + Inputs.url(Inputs.b64(s)))),
                Tuple.of(1, xmlSoup.map(s -> "SAMLRequest=" + Inputs.url(Inputs.b64(s)))),
                Tuple.of(1, Inputs.bytes(800).map(b -> "SAMLRequest=" + Inputs.url(java.util.Base64.getEncoder().encodeToString(b)))));
    }
}
