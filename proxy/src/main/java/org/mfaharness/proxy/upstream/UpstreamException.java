package org.mfaharness.proxy.upstream;

import java.io.IOException;
import org.mfaharness.proxy.exchange.ExchangeError;

/** An upstream failure, classified for the 502/504 answer and the recorded exchange. */
public final class UpstreamException extends IOException {
    private static final long serialVersionUID = 1L;
    private final ExchangeError.Kind kind;

    public UpstreamException(ExchangeError.Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public UpstreamException(ExchangeError.Kind kind, String message) {
        this(kind, message, null);
    }

    public ExchangeError.Kind kind() {
        return kind;
    }

    /** 504 for timeouts, 502 otherwise. */
    public int status() {
        return kind == ExchangeError.Kind.READ_TIMEOUT || kind == ExchangeError.Kind.CONNECT_TIMEOUT ? 504 : 502;
    }
}
