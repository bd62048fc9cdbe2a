package org.mfaharness.totp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP with the parameters every authenticator app uses by default: HMAC-SHA1, 30-second steps from the
 * Unix epoch, 6 digits. Immutable and thread-safe. {@link #toString()} never shows the seed.
 */
public final class Totp {
    /** The default time step (RFC 6238 §5.2 recommends 30 seconds). */
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(30);
    /** The default code length. */
    public static final int DEFAULT_DIGITS = 6;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] seed;
    private final long stepSeconds;
    private final int digits;

    private Totp(byte[] seed, Duration step, int digits) {
        if (seed.length == 0) {
            throw new IllegalArgumentException("empty TOTP seed");
        }
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("TOTP digits must be 6 to 8");
        }
        this.seed = seed.clone();
        this.stepSeconds = step.toSeconds();
        this.digits = digits;
    }

    /** A TOTP generator for a Base32 seed as shown by authenticator enrolment (spaces, padding and case ignored). */
    public static Totp fromBase32(String base32Seed) {
        return new Totp(decodeBase32(base32Seed), DEFAULT_STEP, DEFAULT_DIGITS);
    }

    /** A fresh random 160-bit seed, Base32-encoded (RFC 4226 §4 recommends 160 bits). */
    public static String randomBase32Seed(SecureRandom random) {
        byte[] b = new byte[20];
        random.nextBytes(b);
        return encodeBase32(b);
    }

    /** The time-step counter of an instant. */
    public long counterAt(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), stepSeconds);
    }

    /** The code valid at {@code t}, zero-padded to the configured number of digits. */
    public String codeAt(Instant t) {
        return codeForCounter(counterAt(t));
    }

    /** The code for a time-step counter (RFC 4226 HOTP with dynamic truncation). */
    public String codeForCounter(long counter) {
        byte[] h = hmac(ByteBuffer.allocate(8).putLong(counter).array());
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16)
                | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The counter whose code equals {@code code} within ±{@code window} steps of {@code t}, or -1. Comparison is
     * constant-time per candidate. Servers keep a replay cache of accepted counters themselves.
     */
    public long matchingCounter(String code, Instant t, int window) {
        if (code == null || code.length() != digits) {
            return -1;
        }
        long now = counterAt(t);
        long found = -1;
        for (long c = now - window; c <= now + window; c++) {
            if (java.security.MessageDigest.isEqual(codeForCounter(c).getBytes(java.nio.charset.StandardCharsets.US_ASCII), code.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                found = c;
            }
        }
        return found;
    }

    private byte[] hmac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(seed, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** Decodes RFC 4648 Base32, ignoring spaces, hyphens, padding and case. */
    public static byte[] decodeBase32(String s) {
        String clean = s.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("empty Base32 seed");
        }
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < clean.length(); i++) {
            int v = BASE32.indexOf(clean.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a Base32 seed: invalid character at position " + (i + 1));
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >>> (bits - 8)));
                bits -= 8;
            }
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    /** Encodes bytes as unpadded RFC 4648 Base32. */
    private static String encodeBase32(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Totp[" + digits + " digits, " + stepSeconds + " s step, seed redacted]";
    }
}
