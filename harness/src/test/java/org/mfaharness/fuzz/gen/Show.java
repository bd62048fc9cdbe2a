package org.mfaharness.fuzz.gen;

import java.util.Collection;
import java.util.stream.Collectors;

/** Values as a failure message shows them: strings quoted with control characters escaped, everything shortened. */
public final class Show {
    /** Longer strings keep their first {@link #HEAD} and last {@link #TAIL} characters. */
    public static final int MAX_STRING = 600;
    static final int HEAD = 300;
    static final int TAIL = 200;
    /** Longer descriptions of other values are cut. */
    public static final int MAX_VALUE = 2000;
    private static final int MAX_BYTES = 64;

    private Show() {
    }

    public static String of(Object value) {
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof byte[] b) {
            return bytes(b);
        }
        if (value instanceof Collection<?> c) {
            return cut(c.stream().map(Show::of).collect(Collectors.joining(", ", "[", "]")));
        }
        return cut(escape(String.valueOf(value)));
    }

    /** The string in double quotes, control characters, lone surrogates and C1 controls as {@code \\uXXXX}. */
    public static String string(String text) {
        String s = text.length() > MAX_STRING
                ? text.substring(0, HEAD) + "…[" + text.length() + " chars]…" + text.substring(text.length() - TAIL)
                : text;
        return "\"" + escape(s) + "\"";
    }

    private static String bytes(byte[] b) {
        StringBuilder out = new StringBuilder("byte[" + b.length + "] ");
        for (int i = 0; i < Math.min(b.length, MAX_BYTES); i++) {
            out.append(String.format("%02x", b[i]));
        }
        return out.append(b.length > MAX_BYTES ? "…" : "").toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                b.append(c).append(s.charAt(++i));
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String cut(String s) {
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) + "…[" + s.length() + " chars]" : s;
    }
}
