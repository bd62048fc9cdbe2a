package org.mfaharness.artifact.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfaharness.proxy.exchange.FormCodec;
import org.mfaharness.proxy.exchange.FormField;

/** An {@code application/x-www-form-urlencoded} body or a query string, decoded as UTF-8. Immutable. */
public final class FormBody {
    private final Map<String, List<String>> fields;

    private FormBody(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /**
     * Decodes {@code a=b&c=d} when it can only be a form. Returns null when the text is not a form (a field without a
     * name, invalid percent escapes), so callers guessing what arbitrary text is can try other interpretations.
     */
    public static FormBody parse(String text) {
        return decode(text, true);
    }

    /**
     * Decodes text that is declared a form (a query string, a body sent as {@code application/x-www-form-urlencoded}):
     * a field with a malformed escape or without a name is left out and the rest is kept, so one bad field cannot
     * hide the others. Null when no field remains.
     */
    public static FormBody lenient(String text) {
        return decode(text, false);
    }

    private static FormBody decode(String text, boolean strict) {
        String s = text.strip();
        if (s.isEmpty() || s.indexOf('=') < 0) {
            return null;
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (FormField pair : FormCodec.rawPairs(s)) {
            String rawName = pair.name();
            String rawValue = pair.value();
            try {
                if (rawName.isEmpty() || rawName.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("not a field name");
                }
                String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                String value = URLDecoder.decode(rawValue, StandardCharsets.UTF_8);
                m.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                if (strict) {
                    return null;
                }
            }
        }
        return m.isEmpty() ? null : new FormBody(m);
    }

    /** The first value of a field, or null. */
    public String first(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public Map<String, List<String>> fields() {
        return Collections.unmodifiableMap(fields);
    }
}
