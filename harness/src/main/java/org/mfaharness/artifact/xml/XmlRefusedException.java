package org.mfaharness.artifact.xml;

/** XML that was refused before or while parsing; {@link #getMessage()} is one line, fit for a finding. */
public final class XmlRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the XML was refused. */
    public enum Reason { DOCTYPE, TOO_LARGE, TOO_DEEP, MALFORMED }

    private final Reason reason;

    public XmlRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
