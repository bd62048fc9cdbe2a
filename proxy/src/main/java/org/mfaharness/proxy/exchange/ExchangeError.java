package org.mfaharness.proxy.exchange;

import java.util.Objects;

/** Why an exchange did not complete normally. */
public record ExchangeError(Kind kind, String message) {
    public ExchangeError {
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message;
    }

    /** Failure kinds; stable names, used in HAR {@code _error.kind}. */
    public enum Kind {
        /** The upstream policy refused the host (answered 502, no DNS lookup made). */
        POLICY_REFUSED,
        /** The host name did not resolve (502). */
        DNS_FAILURE,
        /** TCP connect refused or unreachable (502). */
        CONNECT_FAILED,
        /** TCP connect timed out (504). */
        CONNECT_TIMEOUT,
        /** TLS handshake with the upstream failed, e.g. an untrusted certificate (502). */
        TLS_FAILURE,
        /** The upstream did not answer within the read timeout (504, or the client connection is cut mid-body). */
        READ_TIMEOUT,
        /** The upstream closed or reset the connection early (502, or the client connection is cut mid-body). */
        UPSTREAM_RESET,
        /** The upstream answered something that is not HTTP/1.x (502). */
        UPSTREAM_PROTOCOL_ERROR,
        /** The client went away before the exchange completed. */
        CLIENT_ABORTED,
        /** The client's request could not be served as a proxy request (400). */
        BAD_REQUEST,
        /** A fault in the proxy itself (500). */
        INTERNAL
    }
}
