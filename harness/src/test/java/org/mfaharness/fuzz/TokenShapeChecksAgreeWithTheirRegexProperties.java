package org.mfaharness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.mfaharness.artifact.jwt.JwtParser;

/**
 * The detector's fast token-shape checks accept exactly the strings their documented patterns accept:
 * {@link JwtParser#looksLikeJws} is {@link JwtParser#COMPACT_JWS} (a character loop since the benchmark showed the
 * regex costing several microseconds a token), and {@link JwtParser#looksLikeJwe} is {@link JwtParser#COMPACT_JWE}.
 */
class TokenShapeChecksAgreeWithTheirRegexProperties {

    @Property(tries = 3000, seed = "20261271")
    void looksLikeJwsIsCompactJws(@ForAll("shapes") String s) {
        Statistics.label("matches COMPACT_JWS").collect(JwtParser.COMPACT_JWS.matcher(s).matches());
        assertThat(JwtParser.looksLikeJws(s)).as("looksLikeJws(%s)", Engine.describe(s))
                .isEqualTo(JwtParser.COMPACT_JWS.matcher(s).matches());
    }

    @Property(tries = 3000, seed = "20261272")
    void looksLikeJweIsCompactJwe(@ForAll("jweShapes") String s) {
        Statistics.label("matches COMPACT_JWE").collect(JwtParser.COMPACT_JWE.matcher(s).matches());
        assertThat(JwtParser.looksLikeJwe(s)).as("looksLikeJwe(%s)", Engine.describe(s))
                .isEqualTo(JwtParser.COMPACT_JWE.matcher(s).matches());
    }

    /** Four to six dot-separated runs, sometimes empty or with a stray character: JWE boundaries. */
    @Provide
    Arbitrary<String> jweShapes() {
        Arbitrary<String> run = Arbitraries.strings().withChars("aZ09_-").ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                Tuple.of(12, run),
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, run.map(r -> r + "=")),
                Tuple.of(1, run.map(r -> r + "+")));
        return Arbitraries.frequencyOf(
                Tuple.of(4, segment.list().ofSize(5).map(l -> String.join(".", l))),
                Tuple.of(1, segment.list().ofMinSize(4).ofMaxSize(6).map(l -> String.join(".", l))),
                Tuple.of(1, shapes()));
    }

    /** Short runs of segment characters, dots, padding and strays, so that every boundary case is common. */
    @Provide
    Arbitrary<String> shapes() {
        Arbitrary<String> run = Arbitraries.strings().withChars("aZ09_-").ofMaxLength(3);
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(6, run),
                Tuple.of(4, Arbitraries.of(".")),
                Tuple.of(2, Arbitraries.of("=", "==", "===")),
                Tuple.of(1, Arbitraries.of("+", "/", " ", "\n", "\u00e9", "\uFF10", "\u0000")));
        return Arbitraries.frequencyOf(
                Tuple.of(9, piece.list().ofMaxSize(14).map(l -> String.join("", l))),
                Tuple.of(1, Inputs.jwtShaped()));
    }
}
