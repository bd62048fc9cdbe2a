package org.mfaharness.verify.trust;

/** Trust material that could not be read; the message is one line naming the file or URL and the reason. */
public final class TrustException extends Exception {
    private static final long serialVersionUID = 1L;

    public TrustException(String message) {
        super(message);
    }

    public TrustException(String message, Throwable cause) {
        super(message, cause);
    }
}
