package org.mfaharness.proxy.redact;

/**
 * A share-mode hook called for every field the redactor finds (decoded value); returns the value to keep — the same
 * instance when nothing changes. The harness plugs in signature stripping for {@code SAMLResponse}, {@code wresult},
 * {@code id_token}, bearer tokens. Must be thread-safe and must not throw for input it does not recognise.
 */
@FunctionalInterface
public interface FieldScrubber {
    String scrub(FieldLocation where, String name, String value);
}
