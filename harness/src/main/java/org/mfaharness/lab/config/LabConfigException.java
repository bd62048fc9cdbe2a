package org.mfaharness.lab.config;

/** An invalid lab configuration: the message names the file, the path inside it and what is wrong. */
public final class LabConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LabConfigException(String message) {
        super(message, null, false, false);
    }
}
