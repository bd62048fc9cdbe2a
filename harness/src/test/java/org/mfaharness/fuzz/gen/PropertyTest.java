package org.mfaharness.fuzz.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mfaharness.fuzz.gen.Gen.weight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runner and the generators themselves: a false property fails, naming the property, the try, the seed, the try
 * seed and the input; the same seed gives the same inputs; a try seed replays its input; the generators stay in
 * their ranges and reach their ends.
 */
class PropertyTest {

    @Test
    void aFalsePropertyFailsWithItsSeedAndInput() {
        assertThatThrownBy(() -> Property.tries(500).seed(42).forAll(Gen.strings("ab", 0, 10),
                s -> assertThat(s).doesNotContain("bb")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Property PropertyTest#aFalsePropertyFailsWithItsSeedAndInput failed on try ")
                .hasMessageContaining("of 500")
                .hasMessageContaining("seed: 42, try seed: 0x")
                .hasMessageContaining("-Dfuzz.replay=0x")
                .hasMessageMatching("(?s).*arg 1: \"[ab]*bb[ab]*\".*")
                .cause().isInstanceOf(AssertionError.class).hasMessageContaining("bb");
    }

    @Test
    void everyArgumentIsShownAndExceptionsCountAsFailures() {
        assertThatThrownBy(() -> Property.tries(100).seed(7).forAll(Gen.ints(0, 9), Gen.of("x", "y"), Gen.booleans(), (n, s, b) -> {
            if (n == 9) {
                throw new IllegalStateException("nine");
            }
        }))
                .hasMessageContaining("arg 1: 9")
                .hasMessageMatching("(?s).*arg 2: \"[xy]\".*arg 3: (true|false).*")
                .hasMessageContaining("cause: java.lang.IllegalStateException: nine")
                .cause().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void longInputsAreShortenedAndControlCharactersEscaped() {
        Gen<String> big = Gen.constant("\u0000" + "x".repeat(5000) + "\n");
        assertThatThrownBy(() -> Property.tries(1).seed(1).forAll(big, s -> assertThat(s).isEmpty()))
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(3000 + e.getCause().getMessage().length()))
                .hasMessageContaining("\"\\u0000xxx")
                .hasMessageContaining("…[5002 chars]…")
                .hasMessageContaining("xxx\\u000a\"");
        assertThat(Show.of(new byte[] {1, (byte) 0xff})).isEqualTo("byte[2] 01ff");
        assertThat(Show.of(List.of("a", "\ud800"))).isEqualTo("[\"a\", \"\\ud800\"]");
        assertThat(Show.string("\ud83d\ude00")).isEqualTo("\"\ud83d\ude00\"");
    }

    @Test
    void theSameSeedGivesTheSameInputsAndAnotherSeedOthers() {
        Gen<String> text = Gen.strings(Gen.anyChar(), 0, 50);
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        List<String> other = new ArrayList<>();
        Property.tries(200).seed(99).forAll(text, first::add);
        Property.tries(200).seed(99).forAll(text, second::add);
        Property.tries(200).seed(100).forAll(text, other::add);
        assertThat(first).hasSize(200).isEqualTo(second).isNotEqualTo(other);
    }

    @Test
    void aTrySeedReplaysItsInputAlone() {
        Gen<List<Integer>> lists = Gen.ints(0, 1000).list(0, 8);
        AssertionError failure = null;
        List<List<Integer>> seen = new ArrayList<>();
        try {
            Property.tries(300).seed(5).forAll(lists, l -> {
                seen.add(l);
                assertThat(l.stream().mapToInt(Integer::intValue).sum()).isLessThan(3000);
            });
        } catch (AssertionError e) {
            failure = e;
        }
        assertThat(failure).as("a failure among 300 tries").isNotNull();
        Matcher m = Pattern.compile("-Dfuzz\\.replay=(0x[0-9a-f]{16})").matcher(failure.getMessage());
        assertThat(m.find()).isTrue();
        List<List<Integer>> replayed = new ArrayList<>();
        System.setProperty(Property.REPLAY_PROPERTY, m.group(1));
        try {
            Property.tries(300).seed(5).forAll(lists, replayed::add);
        } finally {
            System.clearProperty(Property.REPLAY_PROPERTY);
        }
        assertThat(replayed).containsExactly(seen.get(seen.size() - 1));
    }

    @Test
    void aTryThatHangsFailsAfterTheLimit() {
        assertThatThrownBy(() -> Property.tries(3).seed(1).limitPerTry(Duration.ofMillis(200)).forAll(Gen.constant("x"), s -> {
            Thread.sleep(10_000);
        }))
                .hasMessageContaining("failed on try 1 of 3")
                .hasMessageContaining("no result within PT0.2S");
    }

    @Test
    void everyCaseIsCheckedAndAFailingOneNamed() {
        List<Integer> seen = new ArrayList<>();
        Property.forEachCase(List.of(1, 2, 3), seen::add);
        assertThat(seen).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> Property.forEachCase(List.of("ok", "bad", "ok"), s -> assertThat(s).isEqualTo("ok")))
                .hasMessageContaining("failed on case 2 of 3")
                .hasMessageContaining("\"bad\"");
    }

    // ------------------------------------------------------------------------------------------ generators

    @Test
    void numbersStayInRangeAndReachTheirEnds() {
        SplittableRandom r = new SplittableRandom(1);
        Set<Integer> ints = new HashSet<>();
        List<Double> doubles = new ArrayList<>();
        Set<Long> longs = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ints.add(Gen.ints(-3, 3).next(r));
            doubles.add(Gen.doubles(0, 1).next(r));
            longs.add(Gen.longs().next(r));
        }
        assertThat(ints).containsExactlyInAnyOrder(-3, -2, -1, 0, 1, 2, 3);
        assertThat(doubles).allMatch(d -> d >= 0 && d <= 1).contains(0.0, 1.0);
        assertThat(longs).contains(0L, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE).list(100).next(r)).isNotEmpty();
        for (int i = 0; i < 2000; i++) {
            assertThat(Gen.doubles().next(r)).isFinite();
        }
    }

    @Test
    void sizesStayInRangeLeanSmallAndReachTheirEnds() {
        SplittableRandom r = new SplittableRandom(2);
        List<Integer> lengths = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            lengths.add(Gen.strings("ab", 2, 500).next(r).length());
        }
        assertThat(lengths).allMatch(n -> n >= 2 && n <= 500).contains(2, 500);
        assertThat(lengths.stream().filter(n -> n < 2 + 32).count()).as("below min + 32").isGreaterThan(1350);
        assertThat(lengths.stream().filter(n -> n > 2 + 100).count()).as("above min + 100").isGreaterThan(450);
        assertThat(Gen.bytes(0, 10).next(r).length).isBetween(0, 10);
        assertThat(Gen.of("x").list(4).next(r)).hasSize(4);
    }

    @Test
    void frequencyFollowsTheWeights() {
        SplittableRandom r = new SplittableRandom(3);
        Gen<String> g = Gen.frequency(weight(9, Gen.constant("a")), weight(1, Gen.constant("b")));
        Tally t = new Tally("letters");
        for (int i = 0; i < 10_000; i++) {
            t.add(g.next(r));
        }
        assertThat(t.count("b")).isBetween(800, 1200);
        assertThat(t.total()).isEqualTo(10_000);
        assertThat(t.toString()).contains("letters (10000)").contains("a (");
    }

    @Test
    void charactersCoverTheWholeRangeIncludingLoneSurrogates() {
        SplittableRandom r = new SplittableRandom(4);
        String s = Gen.strings(Gen.anyChar(), 5000, 5000).next(r);
        assertThat(s.chars().anyMatch(c -> Character.isSurrogate((char) c))).isTrue();
        assertThat(s.chars().anyMatch(c -> c < 0x80)).isTrue();
        assertThat(s.chars().anyMatch(c -> c > 0x3000 && !Character.isSurrogate((char) c))).isTrue();
        assertThat(Gen.strings("xyz", 0, 100).next(r)).matches("[xyz]*");
    }

    @Test
    void filterMapFlatMapZipAndLazyCompose() {
        SplittableRandom r = new SplittableRandom(5);
        Gen<Integer> even = Gen.ints(0, 100).filter(n -> n % 2 == 0);
        Gen<String> pair = Gen.zip(even, Gen.of("a", "b"), (n, s) -> s + n);
        Gen<List<Integer>> dependent = Gen.ints(1, 5).flatMap(n -> Gen.constant(n).list(n));
        Gen<Object> tree = tree(3);
        for (int i = 0; i < 500; i++) {
            assertThat(even.next(r) % 2).isZero();
            assertThat(pair.next(r)).matches("[ab]\\d*[02468]");
            List<Integer> l = dependent.next(r);
            assertThat(l).hasSize(l.get(0)).containsOnly(l.get(0));
            assertThat(tree.next(r)).isNotNull();
        }
        assertThatThrownBy(() -> Gen.ints(0, 10).filter(n -> n > 10).next(r))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rejected");
        assertThat(Gen.enums(Thread.State.class).next(r)).isNotNull();
        assertThat(Gen.oneOf(Gen.constant(1), Gen.constant(2)).next(r)).isIn(1, 2);
    }

    private static Gen<Object> tree(int depth) {
        return depth == 0 ? Gen.constant("leaf")
                : Gen.frequency(weight(1, Gen.constant("leaf")), weight(1, Gen.lazy(() -> tree(depth - 1)).list(0, 3)));
    }
}
