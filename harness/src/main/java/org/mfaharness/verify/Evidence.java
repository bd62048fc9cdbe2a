package org.mfaharness.verify;

/**
 * Where a finding looked and what it saw: the path inside the artifact (e.g.
 * {@code Assertion/AuthenticationStatement/@AuthenticationMethod} or {@code payload.amr}), the raw value read there,
 * and, when the rule compares against something, the value it expected.
 *
 * @param path     the path inside the artifact; never null (empty for the artifact as a whole)
 * @param value    the raw value seen, or null when the element was absent
 * @param expected the value the rule expected, or null
 */
public record Evidence(String path, String value, String expected) {

    public Evidence {
        path = path == null ? "" : path;
    }

    public static Evidence at(String path, String value) {
        return new Evidence(path, value, null);
    }

    public static Evidence expected(String path, String value, String expected) {
        return new Evidence(path, value, expected);
    }

    /** The artifact as a whole, nothing in particular. */
    public static Evidence none() {
        return new Evidence("", null, null);
    }
}
