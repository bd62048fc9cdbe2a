package org.mfaharness.proxy.redact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the {@link Redactor} removes. Immutable; build with {@link #builder()}.
 *
 * <p>Field names are compared case-insensitively. A name is sensitive when it is in {@link #DEFAULT_FIELDS} or the
 * added names, or contains one of {@link #DEFAULT_FIELD_SUBSTRINGS}.
 */
public final class RedactionPolicy {
    /** What a removed value is replaced with. */
    public static final String MARKER = "REDACTED";
    /** Field names removed by default (lower case). */
    public static final Set<String> DEFAULT_FIELDS = Set.of(
            "password", "passwd", "pwd", "pass", "passcode", "passphrase", "pin",
            "otp", "otc", "totp", "hotp", "mfacode", "mfa_code", "verificationcode", "verification_code", "smscode",
            "code", "code_verifier", "refresh_token", "client_secret", "client_assertion", "device_code",
            "user_code", "secret", "totpcode", "otpcode", "onetimecode", "tokencode", "token_code", "answer");
    /** Substrings that make a field name sensitive (lower case): {@code newPassword}, {@code pf.pass…}. */
    public static final List<String> DEFAULT_FIELD_SUBSTRINGS = List.of("password", "passwd", "passcode");

    private final RedactionMode mode;
    private final Set<String> fields;
    private final Set<String> secretValues;
    private final List<FieldScrubber> fieldScrubbers;
    private final List<BodyScrubber> bodyScrubbers;

    private RedactionPolicy(Builder b) {
        this.mode = b.mode;
        Set<String> f = new LinkedHashSet<>(DEFAULT_FIELDS);
        f.addAll(b.fields);
        this.fields = Set.copyOf(f);
        this.secretValues = Set.copyOf(b.secretValues);
        this.fieldScrubbers = List.copyOf(b.fieldScrubbers);
        this.bodyScrubbers = List.copyOf(b.bodyScrubbers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default policy. */
    public static RedactionPolicy defaults() {
        return builder().build();
    }

    /** Keeps everything. */
    public static RedactionPolicy raw() {
        return builder().mode(RedactionMode.RAW).build();
    }

    public RedactionMode mode() {
        return mode;
    }

    public Set<String> fields() {
        return fields;
    }

    public Set<String> secretValues() {
        return secretValues;
    }

    public List<FieldScrubber> fieldScrubbers() {
        return fieldScrubbers;
    }

    public List<BodyScrubber> bodyScrubbers() {
        return bodyScrubbers;
    }

    /** Whether a field of this name is removed. */
    public boolean isSensitive(String fieldName) {
        String n = fieldName.toLowerCase(Locale.ROOT).trim();
        if (fields.contains(n)) {
            return true;
        }
        for (String s : DEFAULT_FIELD_SUBSTRINGS) {
            if (n.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Builder; not thread-safe. */
    public static final class Builder {
        private RedactionMode mode = RedactionMode.DEFAULT;
        private final Set<String> fields = new LinkedHashSet<>();
        private final Set<String> secretValues = new LinkedHashSet<>();
        private final List<FieldScrubber> fieldScrubbers = new ArrayList<>();
        private final List<BodyScrubber> bodyScrubbers = new ArrayList<>();

        public Builder mode(RedactionMode m) {
            this.mode = Objects.requireNonNull(m, "mode");
            return this;
        }

        /** More field names to remove (form, query, JSON, HTML input, header names). */
        public Builder field(String... names) {
            for (String n : names) {
                fields.add(n.toLowerCase(Locale.ROOT).trim());
            }
            return this;
        }

        /** Exact secret values (a lab user's password, a TOTP code) scrubbed wherever they appear. */
        public Builder secretValue(String... values) {
            for (String v : values) {
                if (v != null && !v.isEmpty()) {
                    secretValues.add(v);
                }
            }
            return this;
        }

        /** A share-mode field hook (used in {@link RedactionMode#SHARE} only). */
        public Builder shareFieldScrubber(FieldScrubber s) {
            fieldScrubbers.add(Objects.requireNonNull(s));
            return this;
        }

        /** A share-mode body hook (used in {@link RedactionMode#SHARE} only). */
        public Builder shareBodyScrubber(BodyScrubber s) {
            bodyScrubbers.add(Objects.requireNonNull(s));
            return this;
        }

        /**
         * @throws IllegalStateException when {@link RedactionMode#SHARE} has no scrubber (it would silently behave as
         *                               the default mode)
         */
        public RedactionPolicy build() {
            if (mode == RedactionMode.SHARE && fieldScrubbers.isEmpty() && bodyScrubbers.isEmpty()) {
                throw new IllegalStateException("share mode needs at least one share scrubber");
            }
            return new RedactionPolicy(this);
        }
    }
}
