package org.mfaharness.proxy.redact;

/**
 * A share-mode hook called with each captured body (after field redaction); returns the bytes to keep — the same
 * array when nothing changes. Must be thread-safe and must not throw for input it does not recognise.
 */
@FunctionalInterface
public interface BodyScrubber {
    byte[] scrub(String contentType, byte[] body);
}
