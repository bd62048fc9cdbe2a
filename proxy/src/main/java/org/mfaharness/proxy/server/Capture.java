package org.mfaharness.proxy.server;

import java.util.Arrays;
import org.mfaharness.proxy.exchange.Body;

/** Keeps the first {@code limit} bytes of a body passing through and counts all of them. Not thread-safe. */
final class Capture {
    private final int limit;
    private byte[] buf;
    private int len;
    private long total;

    Capture(int limit, int sizeHint) {
        this.limit = limit;
        this.buf = new byte[Math.max(0, Math.min(limit, sizeHint > 0 ? sizeHint : 512))];
    }

    void add(byte[] b, int off, int n) {
        total += n;
        int room = limit - len;
        if (room <= 0) {
            return;
        }
        int take = Math.min(room, n);
        if (len + take > buf.length) {
            buf = Arrays.copyOf(buf, Math.min(limit, Math.max(len + take, buf.length * 2)));
        }
        System.arraycopy(b, off, buf, len, take);
        len += take;
    }

    Body toBody() {
        if (total == 0) {
            return Body.EMPTY;
        }
        return new Body(len == buf.length ? buf : Arrays.copyOf(buf, len), total, total > len);
    }
}
