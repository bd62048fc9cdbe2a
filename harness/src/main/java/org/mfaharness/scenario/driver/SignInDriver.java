package org.mfaharness.scenario.driver;

import java.util.Optional;
import org.openqa.selenium.WebDriver;

/**
 * Recognises one family of sign-in pages and acts once on the current page. Implementations are stateless and
 * thread-safe: per-sign-in state (TOTP counters used, a declarative script's position) lives in the
 * {@link SignInContext}.
 *
 * <p>A driver returns empty when the page is not its own, or when it lacks what it would need (no password in the
 * context), so that the next driver in the list can try. It never waits for a page change itself: the
 * {@link SignInSession} does. Descriptions name elements ({@code typed the password into i0118}), never values.
 */
@FunctionalInterface
public interface SignInDriver {

    /**
     * Acts once on the current page if it recognises it.
     *
     * @param browser the browser, on the page to look at
     * @param ctx     the sign-in's secrets, clock, progress sink and state
     * @return what it did, or empty when the page is not its own
     * @throws SignInFailedException when the driver knows the sign-in cannot continue (e.g. a declarative step's
     *                               wait timed out)
     */
    Optional<Action> act(WebDriver browser, SignInContext ctx);

    /** A short name for progress lines and messages; the simple class name by default. */
    default String name() {
        return getClass().getSimpleName();
    }
}
