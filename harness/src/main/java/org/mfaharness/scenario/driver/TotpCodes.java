package org.mfaharness.scenario.driver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.mfaharness.totp.Totp;

/**
 * Chooses the TOTP code to type, per party, within one sign-in. Servers accept a code within ±1 time step and keep a
 * replay cache per party (a code that party already accepted is refused as "already used", while another party
 * accepts it). So for each party (the page's origin) this remembers the last counter typed and types
 * {@code max(now, last + 1)}: the current code the first time, the next step's code when the same party asks again
 * in the same window (or answered "already used"), which it still accepts. Only when {@code now + 1} is used up too
 * does it wait for the next step boundary (bounded by the sign-in's deadline).
 *
 * <p>Codes are returned as {@link Secret}s and remembered so {@link SignInContext#redact(String)} removes them from
 * any text; nothing here logs a seed or a code. Thread-safe.
 */
public final class TotpCodes {
    /** The drift servers accept, in steps, either way (RFC 6238 §5.2 recommends at most one). */
    public static final int ACCEPTED_DRIFT_STEPS = 1;

    private final Totp totp;
    private final Clock clock;
    private final Map<String, Long> lastByParty = new ConcurrentHashMap<>();
    private final Consumer<Secret> issued;

    TotpCodes(Secret seed, Clock clock, Consumer<Secret> issued) {
        this.totp = Totp.fromBase32(seed.reveal());
        this.clock = clock;
        this.issued = issued;
    }

    /** A code to type and how it was chosen (for descriptions: "the current" / "the next time step's" code). */
    public record Code(Secret value, boolean nextStep) {
        /** {@code the current TOTP code} or {@code the next time step's TOTP code}. */
        public String describe() {
            return nextStep ? "the next time step's TOTP code" : "the current TOTP code";
        }

        @Override
        public String toString() {
            return "Code[" + describe() + ", redacted]";
        }
    }

    /**
     * The code to type now for {@code party} (an origin such as {@code https://localhost:8443}); records it as used.
     *
     * @param maxWait the longest this may sleep for a fresh time step when both acceptable codes are used up
     */
    public Code next(String party, Duration maxWait) {
        synchronized (lastByParty) {
            long now = totp.counterAt(clock.instant());
            Long last = lastByParty.get(party);
            long counter = last == null ? now : Math.max(now, last + 1);
            if (counter > now + ACCEPTED_DRIFT_STEPS) {
                sleepUntilStep(counter - ACCEPTED_DRIFT_STEPS, maxWait);
                now = totp.counterAt(clock.instant());
                counter = Math.max(counter, now);
                if (counter > now + ACCEPTED_DRIFT_STEPS) {
                    counter = now + ACCEPTED_DRIFT_STEPS;
                }
            }
            lastByParty.put(party, counter);
            Secret code = Secret.of(totp.codeForCounter(counter));
            issued.accept(code);
            return new Code(code, counter > now);
        }
    }

    private void sleepUntilStep(long counter, Duration maxWait) {
        Instant start = Instant.ofEpochSecond(counter * Totp.DEFAULT_STEP.toSeconds());
        long millis = Duration.between(clock.instant(), start).toMillis() + 50;
        millis = Math.min(millis, Math.min(maxWait.toMillis(), Totp.DEFAULT_STEP.toMillis() + 100));
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
