package org.mfaharness.proxy.exchange;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/** Body decoding helpers driven by {@code Content-Type}. Thread-safe (stateless). */
public final class Bodies {
    private Bodies() {
    }

    /** The lower-cased mime type of a Content-Type value without parameters; "" for null. */
    public static String mimeType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter of a Content-Type value, if present and supported. */
    public static Optional<Charset> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).trim().replace("\"", "");
                try {
                    return Optional.of(Charset.forName(name));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The charset parameter of a Content-Type value when present and supported, else UTF-8. */
    public static Charset charsetOrUtf8(String contentType) {
        return charset(contentType).orElse(StandardCharsets.UTF_8);
    }

    /** True for mime types whose bodies are text: text/*, JSON, XML, JavaScript, forms. */
    public static boolean isTextual(String contentType) {
        String m = mimeType(contentType);
        return m.startsWith("text/") || m.equals("application/json") || m.endsWith("+json") || m.endsWith("/xml")
                || m.endsWith("+xml") || m.equals("application/javascript") || m.equals("application/x-javascript")
                || m.equals("application/x-www-form-urlencoded") || m.equals("application/jwt")
                || m.equals("application/soap+xml");
    }

    /** The captured body decoded with the Content-Type charset (UTF-8 by default), malformed bytes replaced. */
    public static String text(Body body, String contentType) {
        return body.text(charsetOrUtf8(contentType));
    }

    /** Strict decoding: the text, or empty when the bytes are not valid in {@code charset}. */
    public static Optional<String> decodeStrict(byte[] bytes, Charset charset) {
        CharsetDecoder dec = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = dec.decode(ByteBuffer.wrap(bytes));
            return Optional.of(cb.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
