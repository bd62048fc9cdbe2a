package org.mfaharness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.fuzz.gen.Gen.weight;

import org.junit.jupiter.api.Test;
import org.mfaharness.artifact.jwt.JwtParser;
import org.mfaharness.fuzz.gen.Gen;
import org.mfaharness.fuzz.gen.Property;
import org.mfaharness.fuzz.gen.Tally;

/**
 * The detector's fast token-shape checks accept exactly the strings their documented patterns accept:
 * {@link JwtParser#looksLikeJws} is {@link JwtParser#COMPACT_JWS} (a character loop since the benchmark showed the
 * regex costing several microseconds a token), and {@link JwtParser#looksLikeJwe} is {@link JwtParser#COMPACT_JWE}.
 */
class TokenShapeChecksAgreeWithTheirRegexProperties {

    @Test
    void looksLikeJwsIsCompactJws() {
        Tally matches = new Tally("matches COMPACT_JWS");
        Property.tries(3000).seed(20261271).limitPerTry(Engine.LIMIT).forAll(shapes(), s -> {
            boolean expected = JwtParser.COMPACT_JWS.matcher(s).matches();
            matches.add(expected);
            assertThat(JwtParser.looksLikeJws(s)).as("looksLikeJws(%s)", Engine.describe(s)).isEqualTo(expected);
        });
        matches.print();
    }

    @Test
    void looksLikeJweIsCompactJwe() {
        Tally matches = new Tally("matches COMPACT_JWE");
        Property.tries(3000).seed(20261272).limitPerTry(Engine.LIMIT).forAll(jweShapes(), s -> {
            boolean expected = JwtParser.COMPACT_JWE.matcher(s).matches();
            matches.add(expected);
            assertThat(JwtParser.looksLikeJwe(s)).as("looksLikeJwe(%s)", Engine.describe(s)).isEqualTo(expected);
        });
        matches.print();
    }

    /** Four to six dot-separated runs, sometimes empty or with a stray character: JWE boundaries. */
    static Gen<String> jweShapes() {
        Gen<String> run = Gen.strings("aZ09_-", 1, 3);
        Gen<String> segment = Gen.frequency(
                weight(12, run),
                weight(1, Gen.constant("")),
                weight(1, run.map(r -> r + "=")),
                weight(1, run.map(r -> r + "+")));
        return Gen.frequency(
                weight(4, segment.list(5).map(l -> String.join(".", l))),
                weight(1, segment.list(4, 6).map(l -> String.join(".", l))),
                weight(1, shapes()));
    }

    /** Short runs of segment characters, dots, padding and strays, so that every boundary case is common. */
    static Gen<String> shapes() {
        Gen<String> run = Gen.strings("aZ09_-", 0, 3);
        Gen<String> piece = Gen.frequency(
                weight(6, run),
                weight(4, Gen.constant(".")),
                weight(2, Gen.of("=", "==", "===")),
                weight(1, Gen.of("+", "/", " ", "\n", "\u00e9", "\uFF10", "\u0000")));
        return Gen.frequency(
                weight(9, piece.list(0, 14).map(l -> String.join("", l))),
                weight(1, Inputs.jwtShaped()));
    }
}
