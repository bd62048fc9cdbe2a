package org.mfaharness.scenario;

import java.util.Objects;

/**
 * A secret value (password, TOTP seed) that never prints itself: {@link #toString()} is redacted. Use
 * {@link #reveal()} only where the value is typed into a form or fed to a TOTP generator.
 */
public final class Secret {
    private final String value;
    private final String source;

    public Secret(String value, String source) {
        this.value = Objects.requireNonNull(value, "value");
        this.source = source;
    }

    /** The value itself. */
    public String reveal() {
        return value;
    }

    /** Where it came from ({@code env:NAME}, {@code file:PATH}, {@code lab}), for messages. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "Secret[" + source + ", redacted]";
    }
}
