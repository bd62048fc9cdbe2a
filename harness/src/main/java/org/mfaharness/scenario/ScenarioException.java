package org.mfaharness.scenario;

/** A scenario that cannot run: a one-line message naming the file, the path inside it and what is wrong. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean unreadable;

    public ScenarioException(String message) {
        this(message, false);
    }

    private ScenarioException(String message, boolean unreadable) {
        super(message);
        this.unreadable = unreadable;
    }

    /** The scenario file is missing or cannot be read at all (as opposed to read and found invalid). */
    public static ScenarioException unreadable(String message) {
        return new ScenarioException(message, true);
    }

    /** Whether the file could not be read at all (missing, a folder, no permission), rather than being invalid. */
    public boolean unreadable() {
        return unreadable;
    }
}
