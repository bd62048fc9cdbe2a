package org.mfaharness.proxy.exchange;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A captured message body: the first bytes (at most the proxy's capture limit), the size of the whole body as it
 * passed, and whether the capture is shorter than the body.
 *
 * <p>Immutable: the byte array is copied in and out.
 */
public final class Body {
    /** No body. */
    public static final Body EMPTY = new Body(new byte[0], 0, false);

    private final byte[] captured;
    private final long originalSize;
    private final boolean truncated;

    /**
     * @param captured     the captured prefix
     * @param originalSize the size of the whole body, or -1 when unknown (e.g. a HAR without sizes)
     * @param truncated    true when {@code captured} is not the whole body
     */
    public Body(byte[] captured, long originalSize, boolean truncated) {
        this.captured = captured.clone();
        this.originalSize = originalSize;
        this.truncated = truncated;
    }

    /** A complete body. */
    public static Body of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Body(bytes, bytes.length, false);
    }

    public byte[] bytes() {
        return captured.clone();
    }

    /** The number of captured bytes. */
    public int capturedLength() {
        return captured.length;
    }

    public long originalSize() {
        return originalSize;
    }

    public boolean truncated() {
        return truncated;
    }

    public boolean isEmpty() {
        return captured.length == 0 && !truncated;
    }

    /** The captured bytes decoded with {@code charset} (malformed input replaced). */
    public String text(Charset charset) {
        return new String(captured, charset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Body b && b.originalSize == originalSize && b.truncated == truncated
                && Arrays.equals(b.captured, captured);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(captured) * 31 + Long.hashCode(originalSize) + (truncated ? 1 : 0);
    }

    @Override
    public String toString() {
        String head = HexFormat.of().formatHex(captured, 0, Math.min(captured.length, 16));
        return "Body[" + captured.length + " of " + originalSize + (truncated ? ", truncated" : "") + ", " + head + "]";
    }
}
