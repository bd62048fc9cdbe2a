package org.mfaharness.scenario.driver;

import java.util.Objects;

/**
 * A secret value (password, TOTP seed, one-time code, device code) that never shows itself: {@link #toString()} is
 * always {@code Secret[redacted]}; only {@link #reveal()} hands out the value, to type it into a browser. Immutable
 * and thread-safe. Equality is identity, so secrets never end up compared or hashed by accident.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-empty value. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** The value, for typing it into a page; never log or print it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
