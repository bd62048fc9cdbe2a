package org.mfaharness.lab.web;

/** A request the party refuses with 400 and a short, stable message (never a stack trace). */
public final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message, null, false, false);
    }
}
