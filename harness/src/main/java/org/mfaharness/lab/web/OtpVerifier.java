package org.mfaharness.lab.web;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mfaharness.totp.Totp;

/**
 * TOTP verification as real servers do it: ±1 time step, and a replay cache per party, so a code this party accepted
 * once is refused the second time by this party (another party keeps its own cache). Thread-safe.
 */
public final class OtpVerifier {
    /** Accepted clock drift, in time steps, either way. */
    public static final int WINDOW = 1;

    private final Clock clock;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    public OtpVerifier(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of one verification. */
    public enum Result { ACCEPTED, WRONG, REPLAYED }

    /** Checks {@code code} for the user with {@code seedBase32}; a match is remembered (user, counter). */
    public Result verify(String userKey, String seedBase32, String code) {
        if (code == null || seedBase32 == null) {
            return Result.WRONG;
        }
        String c = code.strip();
        long counter = Totp.fromBase32(seedBase32).matchingCounter(c, clock.instant(), WINDOW);
        if (counter < 0) {
            return Result.WRONG;
        }
        return used.add(userKey + "#" + counter) ? Result.ACCEPTED : Result.REPLAYED;
    }
}
