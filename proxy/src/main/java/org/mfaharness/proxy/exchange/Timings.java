package org.mfaharness.proxy.exchange;

/**
 * Phase durations in milliseconds, as HAR 1.2 {@code timings} ({@code waiting} is HAR {@code wait}): {@link #NOT_APPLICABLE} (-1) for a phase that did not
 * happen (e.g. connect on a reused connection).
 */
public record Timings(double blocked, double dns, double connect, double ssl, double send, double waiting,
                      double receive) {
    public static final double NOT_APPLICABLE = -1;
    public static final Timings NONE = new Timings(-1, -1, -1, -1, 0, 0, 0);

    /** The total time: the sum of every phase that happened (ssl is part of connect, as HAR says). */
    public double total() {
        return pos(blocked) + pos(dns) + pos(connect) + pos(send) + pos(waiting) + pos(receive);
    }

    private static double pos(double v) {
        return v > 0 ? v : 0;
    }
}
