package org.mfaharness.proxy.redact;

/** How much to remove before writing. */
public enum RedactionMode {
    /** Secrets removed; assertions and tokens kept whole for re-judging. */
    DEFAULT,
    /** {@link #DEFAULT} plus the caller's share scrubbers (e.g. signatures stripped) for sending outside. */
    SHARE,
    /** Nothing removed: the caller must warn that the output holds passwords, codes and cookies. */
    RAW
}
