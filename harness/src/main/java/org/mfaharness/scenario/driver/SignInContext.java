package org.mfaharness.scenario.driver;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One sign-in's inputs and state: the user's UPN, password, TOTP seed and (device-code flow) the user code, each a
 * {@link Secret} that may be absent; the clock TOTP codes are computed with; the progress sink; the TOTP codes used
 * so far per party ({@link #totp()}); and per-driver state ({@link #state}). Make one per sign-in and do not share
 * it between concurrent sign-ins. Thread-safe.
 *
 * <p>Every line sent to the progress sink goes through {@link #redact(String)} first, which masks each secret value
 * of this sign-in (including every TOTP code handed out) wherever it occurs.
 */
public final class SignInContext {
    /** What {@link #redact(String)} writes in place of a secret. */
    public static final String REDACTED = "[redacted]";

    private final Secret upn;
    private final Secret password;
    private final Secret totpSeed;
    private final Secret deviceCode;
    private final Clock clock;
    private final Consumer<String> progress;
    private final TotpCodes totp;
    private volatile List<String> masked = List.of();
    private final Map<Object, Object> state = new ConcurrentHashMap<>();
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile boolean typedPassword;
    private volatile boolean typedCode;

    private SignInContext(Builder b) {
        this.upn = b.upn;
        this.password = b.password;
        this.totpSeed = b.totpSeed;
        this.deviceCode = b.deviceCode;
        this.clock = b.clock;
        this.progress = b.progress;
        for (Secret s : new Secret[] {upn, password, totpSeed, deviceCode}) {
            if (s != null) {
                mask(s);
            }
        }
        // Every code TotpCodes hands out is typed at once: handing one out is typing one.
        this.totp = totpSeed == null ? null : new TotpCodes(totpSeed, clock, code -> {
            typedCode = true;
            mask(code);
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SignInContext}; every field is optional (a sign-in may need none of them, e.g. manual mode). */
    public static final class Builder {
        private Secret upn;
        private Secret password;
        private Secret totpSeed;
        private Secret deviceCode;
        private Clock clock = Clock.systemUTC();
        private Consumer<String> progress = line -> { };

        private Builder() {
        }

        public Builder upn(Secret s) {
            this.upn = s;
            return this;
        }

        public Builder password(Secret s) {
            this.password = s;
            return this;
        }

        /** The Base32 TOTP seed (authenticator enrolment format); checked here, so a bad seed fails before a browser starts. */
        public Builder totpSeed(Secret s) {
            if (s != null) {
                try {
                    org.mfaharness.totp.Totp.fromBase32(s.reveal());
                } catch (IllegalArgumentException e) {
                    // The decoder's message names a position only, never the seed.
                    throw new IllegalArgumentException("the TOTP seed is not Base32: " + e.getMessage());
                }
            }
            this.totpSeed = s;
            return this;
        }

        /** The device-code flow's user code, typed on the device-login page ({@code otc}). */
        public Builder deviceCode(Secret s) {
            this.deviceCode = s;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        /** Where progress lines go (the CLI prints them on stderr); each line is redacted first. */
        public Builder progress(Consumer<String> p) {
            this.progress = Objects.requireNonNull(p);
            return this;
        }

        public SignInContext build() {
            return new SignInContext(this);
        }
    }

    public Optional<Secret> upn() {
        return Optional.ofNullable(upn);
    }

    public Optional<Secret> password() {
        return Optional.ofNullable(password);
    }

    /** Records that a driver is typing the password into a page (see {@link Pages#typePassword}). */
    void typingPassword() {
        typedPassword = true;
    }

    /** Whether a driver typed the password during this sign-in (a fill with {@code ${password}} counts). */
    public boolean typedPassword() {
        return typedPassword;
    }

    /** Whether a driver typed a one-time code during this sign-in (a TOTP step, page or {@code ${totp}} fill). */
    public boolean typedCode() {
        return typedCode;
    }

    public Optional<Secret> totpSeed() {
        return Optional.ofNullable(totpSeed);
    }

    public Optional<Secret> deviceCode() {
        return Optional.ofNullable(deviceCode);
    }

    public Clock clock() {
        return clock;
    }

    /** The TOTP code chooser of this sign-in; empty without a seed. */
    public Optional<TotpCodes> totp() {
        return Optional.ofNullable(totp);
    }

    /** Sends one line to the progress sink, redacted. */
    public void progress(String line) {
        progress.accept(redact(line));
    }

    /** {@code text} with every secret value of this sign-in replaced by {@value #REDACTED}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String m : masked) {
            out = out.replace(m, REDACTED);
        }
        return out;
    }

    /**
     * Per-sign-in state of one driver (drivers are stateless): the value under {@code key}, created on first use.
     * Use the driver instance (or an object it owns) as the key.
     */
    @SuppressWarnings("unchecked")
    public <T> T state(Object key, Supplier<T> initial) {
        return (T) state.computeIfAbsent(key, k -> initial.get());
    }

    /** The time left before the sign-in's overall deadline (set by the session); long when no session runs. */
    public Duration timeLeft() {
        long d = deadlineNanos;
        if (d == Long.MAX_VALUE) {
            return Duration.ofDays(1);
        }
        return Duration.ofNanos(Math.max(0, d - System.nanoTime()));
    }

    void deadline(long nanos) {
        this.deadlineNanos = nanos;
    }

    private synchronized void mask(Secret s) {
        String v = s.reveal();
        if (!masked.contains(v)) {
            List<String> next = new ArrayList<>(masked);
            next.add(v);
            // Longest first, so a secret containing another is masked whole.
            next.sort(Comparator.comparingInt(String::length).reversed());
            masked = List.copyOf(next);
        }
    }

    @Override
    public String toString() {
        return "SignInContext[upn " + (upn == null ? "absent" : "set") + ", password " + (password == null ? "absent" : "set")
                + ", TOTP seed " + (totpSeed == null ? "absent" : "set") + ", secrets redacted]";
    }
}
