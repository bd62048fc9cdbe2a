package org.mfaharness.verify;

/**
 * What an artifact's content says about MFA, whatever its trust: a claim in a form Entra honours
 * ({@link #PRESENT}), honoured but weak evidence ({@link #WEAK}: only {@code wiaormultiauthn}, only {@code ngcmfa}),
 * no claim ({@link #ABSENT}), or cannot tell ({@link #UNKNOWN}: unreadable, opaque, a v2 token without {@code amr}).
 */
public enum MfaReading {
    PRESENT,
    WEAK,
    ABSENT,
    UNKNOWN
}
