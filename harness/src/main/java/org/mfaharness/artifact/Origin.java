package org.mfaharness.artifact;

import java.time.Instant;

/**
 * Where an artifact was found. For a capture: the hop (exchange sequence number), its time, the request method
 * and URL, and the field that carried it ({@code wresult}, {@code SAMLResponse}, {@code access_token},
 * {@code Authorization}…). For text given to {@code inspect}: hop -1 and the field, if any.
 *
 * @param hop       the exchange's sequence number in the capture, or -1 for direct input
 * @param time      when the exchange started, or null
 * @param method    the HTTP method, or null
 * @param url       the request URL (query string secrets already redacted by the proxy), or null
 * @param field     the form field, JSON member or header that carried the artifact, or null
 * @param direction {@code request} or {@code response}: which half of the exchange carried it, or null
 */
public record Origin(int hop, Instant time, String method, String url, String field, String direction) {

    /** Direct input, carried by {@code field} (may be null). */
    public static Origin input(String field) {
        return new Origin(-1, null, null, null, field, null);
    }

    /** The same origin with another field. */
    public Origin withField(String f) {
        return new Origin(hop, time, method, url, f, direction);
    }

    /** Whether this came from a capture (has a hop). */
    public boolean captured() {
        return hop >= 0;
    }

    /** The URL's host, lower case, or null. */
    public String host() {
        if (url == null) {
            return null;
        }
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? null : h.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The URL's path, or null. */
    public String path() {
        if (url == null) {
            return null;
        }
        try {
            return java.net.URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
