package org.mfaharness.proxy.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Removes gzip/deflate content coding from a completely captured response body, so the record holds what a browser's
 * HAR holds (decoded text); the {@code Content-Encoding} header is kept. Bodies that are truncated, use another
 * coding, or fail to decode are left as they are. Thread-safe (stateless).
 */
public final class ContentDecoding {
    private ContentDecoding() {
    }

    public static Exchange decodeResponse(Exchange e, int limit) {
        String ce = e.responseHeader("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        Body b = e.responseBody();
        if (ce.isEmpty() || ce.equals("identity") || b.truncated() || b.capturedLength() == 0) {
            return e;
        }
        try {
            byte[] raw = b.bytes();
            InputStream in = switch (ce) {
                case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(raw));
                case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(!zlib(raw)));
                default -> null;
            };
            if (in == null) {
                return e;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            try (InputStream i = in) {
                int n;
                while ((n = i.read(buf)) > 0) {
                    total += n;
                    int room = Math.max(0, limit - out.size());
                    out.write(buf, 0, Math.min(room, n));
                }
            }
            return e.withResponse(e.responseHeaders(), new Body(out.toByteArray(), total, total > out.size()));
        } catch (IOException | RuntimeException ex) {
            return e;
        }
    }

    private static boolean zlib(byte[] raw) {
        return raw.length >= 2 && (raw[0] & 0x0f) == 8 && ((raw[0] & 0xff) << 8 | (raw[1] & 0xff)) % 31 == 0;
    }
}
