package org.mfaharness.proxy.upstream;

import java.util.List;
import org.mfaharness.proxy.exchange.Header;

/**
 * A parsed upstream status line and headers.
 *
 * @param status        status code
 * @param reason        reason phrase (may be empty)
 * @param headers       headers in order
 * @param framing       how the body is delimited
 * @param contentLength the Content-Length for {@link Framing#LENGTH}, else -1
 */
public record ResponseHead(int status, String reason, List<Header> headers, Framing framing, long contentLength) {
    /** Body delimitation (RFC 9112 section 6.3). */
    public enum Framing { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }
}
