package org.mfaharness.verify.assertion;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** xs:dateTime as SAML uses it (UTC, usually with a Z). */
public final class XmlTime {
    private XmlTime() {
    }

    /** The instant, or null when absent or not an xs:dateTime with a zone. */
    public static Instant parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
