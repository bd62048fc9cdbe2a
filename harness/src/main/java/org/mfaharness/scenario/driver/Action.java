package org.mfaharness.scenario.driver;

import java.util.Objects;

/**
 * What a driver did on the current page: a human description (naming elements, never values) and whether the
 * action is expected to move the browser to another page.
 *
 * @param description e.g. {@code typed the password into i0118 and clicked idSIButton9}
 * @param effect      what the session should expect next
 */
public record Action(String description, Effect effect) {
    /** What the session should expect after the action. */
    public enum Effect {
        /** A form was submitted or a button clicked: the page should change; the session waits for it. */
        SUBMITTED,
        /** Something changed on the page only (a field filled): the session continues at once. */
        IN_PLACE,
        /**
         * The driver claims the page but is waiting for something (an element, a person); not a step. The session keeps
         * polling and does not count the page as unrecognised; the driver enforces its own time limit.
         */
        WAITING
    }

    public Action {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(effect, "effect");
    }

    /** A form was submitted or a button clicked. */
    public static Action submitted(String description) {
        return new Action(description, Effect.SUBMITTED);
    }

    /** A change on the page only. */
    public static Action inPlace(String description) {
        return new Action(description, Effect.IN_PLACE);
    }

    /** The driver is waiting on this page. */
    public static Action waiting(String description) {
        return new Action(description, Effect.WAITING);
    }
}
