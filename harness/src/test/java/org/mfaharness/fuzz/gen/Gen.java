package org.mfaharness.fuzz.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A generator of values of type {@code T}: a function from a seeded {@link SplittableRandom} to a value. The same
 * random state always gives the same value, so a property run from a fixed seed is repeatable.
 *
 * <p>Sizes (string lengths, list sizes, byte counts) are spread evenly over orders of magnitude (see
 * {@link #size}), and the minimum and the maximum themselves come up more often than chance, so that empty, tiny
 * and full-size values are all common without making every try slow.
 *
 * @param <T> the type of the generated values
 */
@FunctionalInterface
public interface Gen<T> {
    /** How many values in a row {@link #filter} may reject before it gives up. */
    int MAX_REJECTED = 10_000;

    /** The next value, drawn from {@code random}. */
    T next(SplittableRandom random);

    // ------------------------------------------------------------------------------------------ combinators

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return r -> f.apply(next(r));
    }

    /** A value of the generator that {@code f} picks for a value of this one. */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        return r -> f.apply(next(r)).next(r);
    }

    /** Values of this generator that {@code keep} accepts; fails after {@link #MAX_REJECTED} rejections in a row. */
    default Gen<T> filter(Predicate<? super T> keep) {
        return r -> {
            for (int i = 0; i < MAX_REJECTED; i++) {
                T t = next(r);
                if (keep.test(t)) {
                    return t;
                }
            }
            throw new IllegalStateException("the filter rejected " + MAX_REJECTED + " values in a row");
        };
    }

    /** Lists of {@code min} to {@code max} values (inclusive) of this generator. */
    default Gen<List<T>> list(int min, int max) {
        checkSizes(min, max);
        return r -> {
            int n = size(r, min, max);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(next(r));
            }
            return out;
        };
    }

    /** Lists of exactly {@code size} values of this generator. */
    default Gen<List<T>> list(int size) {
        return list(size, size);
    }

    // ------------------------------------------------------------------------------------------ choices

    static <T> Gen<T> constant(T value) {
        return r -> value;
    }

    /** One of {@code values}, each as likely. */
    @SafeVarargs
    @SuppressWarnings("varargs")
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    /** One of {@code values}, each as likely. */
    static <T> Gen<T> of(List<? extends T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to choose from");
        }
        List<? extends T> copy = List.copyOf(values);
        return r -> copy.get(r.nextInt(copy.size()));
    }

    /** One of the constants of {@code type}, each as likely. */
    static <E extends Enum<E>> Gen<E> enums(Class<E> type) {
        return of(type.getEnumConstants());
    }

    /** A value of one of {@code gens}, each generator as likely. */
    @SafeVarargs
    @SuppressWarnings("varargs")
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = List.of(gens);
        return r -> copy.get(r.nextInt(copy.size())).next(r);
    }

    /** A generator and its weight, for {@link #frequency}. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight " + weight);
            }
            Objects.requireNonNull(gen);
        }
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** A value of one of the weighted generators, each picked in proportion to its weight. */
    @SafeVarargs
    @SuppressWarnings("varargs")
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> copy = List.of(choices);
        int total = copy.stream().mapToInt(Weighted::weight).sum();
        return r -> {
            int x = r.nextInt(total);
            for (Weighted<? extends T> w : copy) {
                x -= w.weight();
                if (x < 0) {
                    return w.gen().next(r);
                }
            }
            throw new AssertionError("unreachable");
        };
    }

    /** A generator built on first use: for recursive definitions. */
    static <T> Gen<T> lazy(Supplier<? extends Gen<? extends T>> supplier) {
        return new Gen<>() {
            private Gen<? extends T> gen;

            @Override
            public T next(SplittableRandom r) {
                if (gen == null) {
                    gen = supplier.get();
                }
                return gen.next(r);
            }
        };
    }

    // ------------------------------------------------------------------------------------------ numbers

    static Gen<Boolean> booleans() {
        return SplittableRandom::nextBoolean;
    }

    /** Integers from {@code min} to {@code max}, both included; each end comes up one time in sixteen. */
    static Gen<Integer> ints(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        return r -> switch (r.nextInt(16)) {
            case 0 -> min;
            case 1 -> max;
            default -> (int) r.nextLong(min, (long) max + 1);
        };
    }

    /** Any long: often an edge value (0, ±1, the extremes), often a small or an int-sized one, else the full range. */
    static Gen<Long> longs() {
        Gen<Long> edges = of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1);
        return frequency(weight(1, edges), weight(2, r -> r.nextLong(-1000, 1001)),
                weight(2, r -> (long) r.nextInt()), weight(5, SplittableRandom::nextLong));
    }

    /** Doubles from {@code min} to {@code max}, both included; each end comes up one time in sixteen. */
    static Gen<Double> doubles(double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException(min + " >= " + max);
        }
        return r -> switch (r.nextInt(16)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + (max - min) * r.nextDouble();
        };
    }

    /** Any finite double: edge values, small fractions, and any bit pattern that is not NaN or infinite. */
    static Gen<Double> doubles() {
        Gen<Double> edges = of(0.0, -0.0, 1.0, -1.0, 0.5, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
                -Double.MAX_VALUE, Double.MIN_NORMAL);
        Gen<Double> bits = r -> {
            double d;
            do {
                d = Double.longBitsToDouble(r.nextLong());
            } while (Double.isNaN(d) || Double.isInfinite(d));
            return d;
        };
        return frequency(weight(1, edges), weight(3, r -> (r.nextDouble() - 0.5) * 2e6), weight(3, bits));
    }

    // ------------------------------------------------------------------------------------------ text and bytes

    /** One of the characters of {@code alphabet}, each as likely. */
    static Gen<Character> chars(String alphabet) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("empty alphabet");
        }
        return r -> alphabet.charAt(r.nextInt(alphabet.length()));
    }

    /**
     * Any UTF-16 code unit, lone surrogates included: mostly uniform over the whole range, sometimes ASCII, sometimes
     * one of the characters parsers trip on (NUL, BOM, U+FFFD, U+FFFE, U+FFFF, surrogate ends).
     */
    static Gen<Character> anyChar() {
        Gen<Character> any = r -> (char) r.nextInt(Character.MAX_VALUE + 1);
        Gen<Character> ascii = r -> (char) r.nextInt(0x80);
        Gen<Character> special = chars("\u0000\uFEFF\uFFFD\uFFFE\uFFFF\uD800\uDBFF\uDC00\uDFFF\u202E\u00A0\u0085\u2028");
        return frequency(weight(6, any), weight(2, ascii), weight(1, special));
    }

    /** Strings of {@code min} to {@code max} characters (inclusive) drawn from {@code chars}. */
    static Gen<String> strings(Gen<Character> chars, int min, int max) {
        checkSizes(min, max);
        return r -> {
            int n = size(r, min, max);
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                b.append((char) chars.next(r));
            }
            return b.toString();
        };
    }

    /** Strings of {@code min} to {@code max} characters (inclusive) of {@code alphabet}. */
    static Gen<String> strings(String alphabet, int min, int max) {
        return strings(chars(alphabet), min, max);
    }

    /** Byte arrays of {@code min} to {@code max} bytes (inclusive), every byte value as likely. */
    static Gen<byte[]> bytes(int min, int max) {
        checkSizes(min, max);
        return r -> {
            byte[] b = new byte[size(r, min, max)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) r.nextInt(256);
            }
            return b;
        };
    }

    // ------------------------------------------------------------------------------------------ several at once

    static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        return r -> {
            A x = a.next(r);
            return f.apply(x, b.next(r));
        };
    }

    static <A, B, C, R> Gen<R> zip(Gen<A> a, Gen<B> b, Gen<C> c, Fn3<? super A, ? super B, ? super C, ? extends R> f) {
        return r -> {
            A x = a.next(r);
            B y = b.next(r);
            return f.apply(x, y, c.next(r));
        };
    }

    static <A, B, C, D, R> Gen<R> zip(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d,
                                      Fn4<? super A, ? super B, ? super C, ? super D, ? extends R> f) {
        return r -> {
            A x = a.next(r);
            B y = b.next(r);
            C z = c.next(r);
            return f.apply(x, y, z, d.next(r));
        };
    }

    @FunctionalInterface
    interface Fn3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    @FunctionalInterface
    interface Fn4<A, B, C, D, R> {
        R apply(A a, B b, C c, D d);
    }

    // ------------------------------------------------------------------------------------------ sizes

    /**
     * A size from {@code min} to {@code max} (inclusive): the minimum one time in sixteen, the maximum one time in
     * thirty-two, otherwise log-uniform above the minimum, so that an offset of 0–9 is about as likely as one of
     * 10–99 or of 100–999: small values dominate, large ones keep coming up.
     */
    static int size(SplittableRandom r, int min, int max) {
        if (min == max) {
            return min;
        }
        int roll = r.nextInt(32);
        if (roll < 2) {
            return min;
        }
        if (roll == 2) {
            return max;
        }
        int range = max - min;
        int offset = (int) Math.exp(r.nextDouble() * Math.log(range + 2.0)) - 1;
        return min + Math.min(range, offset);
    }

    private static void checkSizes(int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("sizes " + min + ".." + max);
        }
    }
}
