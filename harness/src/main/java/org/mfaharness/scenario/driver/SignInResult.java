package org.mfaharness.scenario.driver;

import java.time.Duration;
import java.util.List;

/**
 * A finished sign-in: what was done, step by step (descriptions without secrets), the page it ended on (without
 * query or fragment: the authorization code is not here; read it from the browser or the proxy), and how long it took.
 *
 * @param steps    the step descriptions in order
 * @param finalUrl the last page, without query and fragment
 * @param elapsed  wall-clock time from start to the goal
 */
public record SignInResult(List<String> steps, String finalUrl, Duration elapsed) {
    public SignInResult {
        steps = List.copyOf(steps);
    }
}
