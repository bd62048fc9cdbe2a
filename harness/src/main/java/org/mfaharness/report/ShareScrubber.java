package org.mfaharness.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.mfaharness.artifact.Base64Text;
import org.mfaharness.proxy.redact.FieldLocation;
import org.mfaharness.proxy.redact.FieldScrubber;

/**
 * The share-mode hook for the proxy's redactor: strips signatures from the fields that carry assertions and tokens
 * ({@code wresult}, {@code SAMLResponse} — decoded from base64 and re-encoded —, {@code id_token},
 * {@code access_token}, {@code id_token_hint}, Bearer headers), so a capture can leave the organisation without
 * replayable credentials. Other fields pass unchanged.
 */
public final class ShareScrubber implements FieldScrubber {
    static final Set<String> JWT_FIELDS = Set.of("id_token", "access_token", "id_token_hint", "authorization");

    @Override
    public String scrub(FieldLocation where, String name, String value) {
        if (value == null || name == null) {
            return value;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("wresult")) {
            return SignatureStripper.strip(value);
        }
        if (n.equals("samlresponse")) {
            try {
                // Read as the detector reads it (URL-safe or not), so what was judged is what gets stripped.
                String xml = new String(Base64Text.decode(value), StandardCharsets.UTF_8);
                return Base64.getEncoder().encodeToString(SignatureStripper.strip(xml).getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        if (JWT_FIELDS.contains(n)) {
            return SignatureStripper.strip(value);
        }
        return value;
    }
}
