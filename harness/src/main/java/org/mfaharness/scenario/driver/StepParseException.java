package org.mfaharness.scenario.driver;

/**
 * A scenario's {@code steps:} list is malformed. The message names the step ({@code steps[2]}) and says what is
 * wrong in one sentence, e.g. {@code steps[1]: unknown action 'tap'; a step has one of fill, click, wait-for, totp,
 * pause-for-human}.
 */
public final class StepParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    StepParseException(String message) {
        super(message);
    }
}
