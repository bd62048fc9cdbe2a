package org.mfaharness.verify.assertion;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.mfaharness.artifact.JwtToken;

/** xs:dateTime as SAML uses it (UTC, usually with a Z). */
public final class XmlTime {
    private XmlTime() {
    }

    /**
     * The instant, or null when absent or not an xs:dateTime with a zone. Instants beyond
     * ±{@link JwtToken#MAX_EPOCH_SECOND} (years near ±1,000,000,000) are clamped to it, so that adding the clock skew
     * cannot overflow {@link Instant}.
     */
    public static Instant parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        Instant i;
        try {
            i = Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                i = OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        long sec = Math.max(-JwtToken.MAX_EPOCH_SECOND, Math.min(JwtToken.MAX_EPOCH_SECOND, i.getEpochSecond()));
        return sec == i.getEpochSecond() ? i : Instant.ofEpochSecond(sec);
    }
}
