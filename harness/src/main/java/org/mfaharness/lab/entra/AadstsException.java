package org.mfaharness.lab.entra;

/** A request lab Entra refuses, carrying the {@link Aadsts} error it answers with (no stack trace is captured). */
final class AadstsException extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Aadsts error;

    AadstsException(Aadsts error) {
        super("AADSTS" + error.code() + ": " + error.description(), null, false, false);
        this.error = error;
    }
}
