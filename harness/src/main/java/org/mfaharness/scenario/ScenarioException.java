package org.mfaharness.scenario;

/** A scenario that cannot run: a one-line message naming the file, the path inside it and what is wrong. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }
}
