package org.mfaharness.lab.web;

/** A required request parameter is missing or empty; each party maps it to its own documented error. */
public final class MissingParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public MissingParameterException(String parameter) {
        super("missing parameter: " + parameter, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
