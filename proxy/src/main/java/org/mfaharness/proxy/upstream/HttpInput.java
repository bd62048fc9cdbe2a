package org.mfaharness.proxy.upstream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A buffered input stream that also reads CRLF-terminated header lines (bounded). Not thread-safe. */
final class HttpInput extends InputStream {
    static final int MAX_LINE = 64 * 1024;
    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int lim;

    HttpInput(InputStream in, int size) {
        this.in = in;
        this.buf = new byte[size];
    }

    /** Number of bytes already buffered. */
    int buffered() {
        return lim - pos;
    }

    private boolean fill() throws IOException {
        pos = 0;
        lim = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        lim = n;
        return true;
    }

    /**
     * A line without its CRLF (a bare LF is accepted), or null at end of stream before any byte.
     *
     * @throws IOException when the line is longer than {@link #MAX_LINE} or the stream ends mid-line
     */
    String readLine() throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (pos >= lim && !fill()) {
                if (sb == null) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a header line");
            }
            for (int i = pos; i < lim; i++) {
                if (buf[i] == '\n') {
                    int end = i;
                    if (end > pos && buf[end - 1] == '\r') {
                        end--;
                    }
                    String part = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    if (sb == null) {
                        return part;
                    }
                    sb.append(part);
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') {
                        sb.setLength(len - 1);
                    }
                    return sb.toString();
                }
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1));
            pos = lim;
            if (sb.length() > MAX_LINE) {
                throw new IOException("header line longer than " + MAX_LINE + " bytes");
            }
        }
    }

    @Override
    public int read() throws IOException {
        if (pos >= lim && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos < lim) {
            int n = Math.min(len, lim - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
        if (len >= buf.length) {
            return in.read(b, off, len);
        }
        if (!fill()) {
            return -1;
        }
        return read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return (lim - pos) + in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
