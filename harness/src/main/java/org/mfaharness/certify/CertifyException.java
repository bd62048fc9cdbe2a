package org.mfaharness.certify;

/**
 * A problem with the input of a certification (unreadable or malformed metadata, a missing secret): one line, no
 * secret, and the exit code the command ends with.
 */
public final class CertifyException extends Exception {
    private static final long serialVersionUID = 1L;
    /** Metadata (or a discovery document) that was read but is unusable. */
    public static final int BAD_METADATA = 65;
    /** Metadata or scenario that could not be read at all. */
    public static final int NO_INPUT = 66;
    /** A usage problem: a missing option or secret. */
    public static final int USAGE = 64;

    private final int exitCode;

    public CertifyException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
