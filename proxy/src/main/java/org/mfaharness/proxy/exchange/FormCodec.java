package org.mfaharness.proxy.exchange;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code application/x-www-form-urlencoded} decoding and encoding (UTF-8), also used for query strings.
 * Malformed percent escapes are kept literally rather than failing. Thread-safe (stateless).
 */
public final class FormCodec {
    private FormCodec() {
    }

    /** Decodes {@code a=1&b=x%20y} into ordered fields; empty segments are skipped. */
    public static List<FormField> decode(String encoded) {
        List<FormField> out = new ArrayList<>();
        for (FormField raw : rawPairs(encoded)) {
            out.add(new FormField(decodeComponent(raw.name()), decodeComponent(raw.value())));
        }
        return out;
    }

    /**
     * The {@code name=value} pairs of an encoded form in order, still percent-encoded (a pair without {@code =} has an
     * empty value; empty segments are skipped), for callers with their own policy on malformed escapes.
     */
    public static List<FormField> rawPairs(String encoded) {
        List<FormField> out = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.add(new FormField(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1)));
        }
        return out;
    }

    /** The first value of {@code name} in an encoded form. */
    public static Optional<String> first(String encoded, String name) {
        return decode(encoded).stream().filter(f -> f.name().equals(name)).map(FormField::value).findFirst();
    }

    public static String encode(List<FormField> fields) {
        StringBuilder sb = new StringBuilder();
        for (FormField f : fields) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(encodeComponent(f.name())).append('=').append(encodeComponent(f.value()));
        }
        return sb.toString();
    }

    public static String encodeComponent(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Percent-decoding with {@code +} as space; a malformed escape is kept as it is. */
    public static String decodeComponent(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s.replace('+', ' ');
        }
    }
}
