/**
 * A small, seeded generator and property runner for the fuzz tests in {@code org.mfaharness.fuzz}, on plain JUnit
 * Jupiter: no library beyond the JDK.
 *
 * <h2>Generators</h2>
 * A {@link org.mfaharness.fuzz.gen.Gen Gen&lt;T&gt;} is a function from a {@link java.util.SplittableRandom} to a
 * value; the same random state gives the same value. Build them from
 * <ul>
 *   <li>choices: {@code Gen.constant(x)}, {@code Gen.of(a, b, c)} or {@code Gen.of(list)}, {@code Gen.enums(Kind.class)},
 *       {@code Gen.oneOf(g1, g2)}, {@code Gen.frequency(weight(3, g1), weight(1, g2))};</li>
 *   <li>numbers: {@code Gen.ints(min, max)}, {@code Gen.longs()}, {@code Gen.doubles(min, max)}, {@code Gen.doubles()},
 *       {@code Gen.booleans()};</li>
 *   <li>text and bytes: {@code Gen.chars(alphabet)}, {@code Gen.anyChar()} (any UTF-16 unit, lone surrogates
 *       included), {@code Gen.strings(alphabet or chars, min, max)}, {@code Gen.bytes(min, max)};</li>
 *   <li>combinators: {@code g.map(f)}, {@code g.flatMap(f)}, {@code g.filter(p)}, {@code g.list(min, max)},
 *       {@code g.list(n)}, {@code Gen.zip(g1, g2[, g3[, g4]], f)}, {@code Gen.lazy(() -> g)} for recursion.</li>
 * </ul>
 * Ranges are inclusive. Ends and sizes are biased the way fuzzing wants them: each end of a number range comes up
 * one time in sixteen; a size (length, element or byte count) is the minimum one time in sixteen, the maximum one
 * time in thirty-two, and otherwise log-uniform above the minimum (an offset of 0–9 about as likely as 10–99 or
 * 100–999), so that empty and tiny inputs are common, large ones keep coming up, and a try stays in the
 * milliseconds.
 *
 * <h2>Running a property</h2>
 * <pre>{@code
 * @Test
 * void arbitraryUnicodeText() {
 *     Property.tries(1200).seed(20261201).forAll(Gen.strings(Gen.anyChar(), 0, 2000), text -> Engine.judge(text, ...));
 * }
 * }</pre>
 * {@link org.mfaharness.fuzz.gen.Property} draws one, two or three arguments per try from a random of the try's own,
 * seeded from the fixed seed, so every run sees the same inputs. The first failing try (an assertion, or any
 * exception) ends the test with an {@link java.lang.AssertionError} that names the property, the try, the seed, the
 * try seed and every argument, shortened by {@link org.mfaharness.fuzz.gen.Show} (strings quoted, control
 * characters escaped, long values cut in the middle); the original failure is its cause. There is no shrinking: the
 * printed input is the one that failed. {@code .limitPerTry(duration)} runs each check on a worker thread and fails
 * a try that takes longer (the engine's own calls have that guard built in: {@code Engine.LIMIT}, 10 s). For domains
 * small enough to try exhaustively, {@code Property.forEachCase(cases, check)} checks every case once, in order.
 *
 * <p>System properties, for a developer's run (CI sets none):
 * <ul>
 *   <li>{@code -Dfuzz.replay=0x…} runs only the try with that try seed, as printed in a failure; combine it with
 *       {@code -Dtest=Class#method} to debug one input;</li>
 *   <li>{@code -Dfuzz.seed=N} or {@code -Dfuzz.seed=random} replaces every property's fixed seed, to explore other
 *       inputs (the seed used is printed with each property's summary line).</li>
 * </ul>
 * {@link org.mfaharness.fuzz.gen.Tally} counts outcomes for a property's summary (generator coverage, not an
 * assertion). Every property prints one summary line (tries, seed, time) to standard output, which Surefire keeps
 * in {@code target/surefire-reports/*-output.txt}.
 */
package org.mfaharness.fuzz.gen;
