package org.mfaharness.fuzz.gen;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Runs a property: {@code tries} inputs drawn from generators, from a fixed seed, each handed to a check that throws
 * (an {@link AssertionError} or any other exception) when the property does not hold. The first failing input stops
 * the run with an {@link AssertionError} that names the property, the try, the seed, the try's own seed and the
 * input (each argument shortened by {@link Show}), with the original failure as its cause.
 *
 * <pre>{@code
 * Property.tries(1200).seed(20261201).forAll(Gen.strings(Gen.anyChar(), 0, 2000), text -> ...);
 * Property.tries(900).seed(20261232).forAll(samples, edits, wrappings, (sample, edit, wrapping) -> ...);
 * Property.forEachCase(List.of(...), c -> ...);   // small finite domains: every case once
 * }</pre>
 *
 * <p>Each try draws its arguments from a {@link SplittableRandom} of its own, seeded from the property's seed, so
 * a single input can be replayed: {@code -Dfuzz.replay=<try seed>} makes every property run only the try with that
 * seed (pair it with {@code -Dtest=Class#method}). {@code -Dfuzz.seed=<n>} (or {@code random}) replaces every
 * property's fixed seed, to explore beyond the inputs CI sees.
 */
public final class Property {
    /** System property: a seed that replaces every property's own, or {@code random}. */
    public static final String SEED_PROPERTY = "fuzz.seed";
    /** System property: the try seed (as printed in a failure) of the only try to run. */
    public static final String REPLAY_PROPERTY = "fuzz.replay";

    private final int tries;
    private final long seed;
    private final Duration limitPerTry;

    private Property(int tries, long seed, Duration limitPerTry) {
        if (tries <= 0) {
            throw new IllegalArgumentException("tries " + tries);
        }
        this.tries = tries;
        this.seed = seed;
        this.limitPerTry = limitPerTry;
    }

    /** A property of {@code tries} tries; give it its fixed seed with {@link #seed}. */
    public static Property tries(int tries) {
        return new Property(tries, 0, null);
    }

    public Property seed(long seed) {
        return new Property(tries, seed, limitPerTry);
    }

    /**
     * Runs each try's check on a worker thread and fails the try when it takes longer than {@code limit}: a guard
     * against hangs for checks that do not have one of their own.
     */
    public Property limitPerTry(Duration limit) {
        return new Property(tries, seed, limit);
    }

    @FunctionalInterface
    public interface Check1<A> {
        void check(A a) throws Exception;
    }

    @FunctionalInterface
    public interface Check2<A, B> {
        void check(A a, B b) throws Exception;
    }

    @FunctionalInterface
    public interface Check3<A, B, C> {
        void check(A a, B b, C c) throws Exception;
    }

    public <A> void forAll(Gen<A> a, Check1<? super A> check) {
        run(r -> new Object[] {a.next(r)}, args -> check.check(cast(args[0])));
    }

    public <A, B> void forAll(Gen<A> a, Gen<B> b, Check2<? super A, ? super B> check) {
        run(r -> {
            Object x = a.next(r);
            return new Object[] {x, b.next(r)};
        }, args -> check.check(cast(args[0]), cast(args[1])));
    }

    public <A, B, C> void forAll(Gen<A> a, Gen<B> b, Gen<C> c, Check3<? super A, ? super B, ? super C> check) {
        run(r -> {
            Object x = a.next(r);
            Object y = b.next(r);
            return new Object[] {x, y, c.next(r)};
        }, args -> check.check(cast(args[0]), cast(args[1]), cast(args[2])));
    }

    /** Checks every one of {@code cases}, in order: for domains small enough to try exhaustively. */
    public static <A> void forEachCase(List<A> cases, Check1<? super A> check) {
        String name = caller();
        long start = System.nanoTime();
        for (int i = 0; i < cases.size(); i++) {
            A c = cases.get(i);
            try {
                check.check(c);
            } catch (Throwable t) {
                throw new AssertionError("Property " + name + " failed on case " + (i + 1) + " of " + cases.size()
                        + " (every case is tried, in order)\n  input:\n    " + Show.of(c) + "\n  cause: " + t, t);
            }
        }
        System.out.printf("%s: %d cases (exhaustive), %d ms%n", name, cases.size(), (System.nanoTime() - start) / 1_000_000);
    }

    // ------------------------------------------------------------------------------------------ the loop

    private interface Draw {
        Object[] draw(SplittableRandom r);
    }

    private interface Body {
        void run(Object[] args) throws Exception;
    }

    private void run(Draw draw, Body body) {
        String name = caller();
        long effectiveSeed = effectiveSeed();
        Optional<Long> replay = replaySeed();
        SplittableRandom master = new SplittableRandom(effectiveSeed);
        int count = replay.isPresent() ? 1 : tries;
        long start = System.nanoTime();
        ExecutorService worker = limitPerTry == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "property-try");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < count; i++) {
                long trySeed = replay.orElseGet(master::nextLong);
                Object[] args;
                try {
                    args = draw.draw(new SplittableRandom(trySeed));
                } catch (Throwable t) {
                    throw new AssertionError(header(name, i, count, effectiveSeed, trySeed) + "\n  generating the input threw: " + t, t);
                }
                try {
                    if (worker == null) {
                        body.run(args);
                    } else {
                        runLimited(worker, body, args);
                    }
                } catch (Throwable t) {
                    throw new AssertionError(header(name, i, count, effectiveSeed, trySeed) + "\n  input:\n" + describe(args)
                            + "  cause: " + t, t);
                }
            }
        } finally {
            if (worker != null) {
                worker.shutdownNow();
            }
        }
        System.out.printf("%s: %d tries, seed %d%s, %d ms%n", name, count, effectiveSeed,
                replay.map(s -> String.format(" (replaying try seed 0x%016x)", s)).orElse(""), (System.nanoTime() - start) / 1_000_000);
    }

    private void runLimited(ExecutorService worker, Body body, Object[] args) throws Throwable {
        Future<?> f = worker.submit(() -> {
            body.run(args);
            return null;
        });
        try {
            f.get(limitPerTry.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("no result within " + limitPerTry, e);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static String header(String name, int i, int count, long seed, long trySeed) {
        return String.format("Property %s failed on try %d of %d%n  seed: %d, try seed: 0x%016x"
                        + "%n  replay this input alone: -Dtest=%s -D%s=0x%016x",
                name, i + 1, count, seed, trySeed, name, REPLAY_PROPERTY, trySeed);
    }

    private static String describe(Object[] args) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            b.append("    arg ").append(i + 1).append(": ").append(Show.of(args[i])).append('\n');
        }
        return b.toString();
    }

    private long effectiveSeed() {
        String s = System.getProperty(SEED_PROPERTY, "").trim();
        if (s.isEmpty()) {
            return seed;
        }
        return s.equalsIgnoreCase("random") ? new SplittableRandom().nextLong() : Long.decode(s);
    }

    private static Optional<Long> replaySeed() {
        String s = System.getProperty(REPLAY_PROPERTY, "").trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s));
    }

    /** {@code SimpleClassName#method} of the {@code @Test} method that runs the property (else of the first caller). */
    private static String caller() {
        List<StackWalker.StackFrame> frames = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(s -> s.filter(f -> f.getDeclaringClass() != Property.class).toList());
        return frames.stream().filter(Property::isTestMethod).findFirst().or(() -> frames.stream().findFirst())
                .map(f -> f.getDeclaringClass().getSimpleName() + "#" + f.getMethodName())
                .orElse("?");
    }

    private static boolean isTestMethod(StackWalker.StackFrame f) {
        try {
            return f.getDeclaringClass().getDeclaredMethod(f.getMethodName(), f.getMethodType().parameterArray())
                    .isAnnotationPresent(Test.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
