package org.mfaharness.proxy.redact;

/** Where a field handed to a {@link FieldScrubber} was found. */
public enum FieldLocation {
    /** URL query string (also of Location, Referer and Content-Location headers). */
    QUERY,
    /** URL fragment in {@code a=b&c=d} form (implicit / hybrid flows). */
    FRAGMENT,
    /** {@code application/x-www-form-urlencoded} body. */
    FORM,
    /** A JSON member with a string value (name = member name). */
    JSON,
    /** An HTML {@code <input name=… value=…>} (value entity-decoded). */
    HTML_INPUT,
    /** A header (name = header name, value = whole header value). */
    HEADER
}
