package org.mfaharness.scenario;

import org.mfaharness.scenario.driver.Secret;

/**
 * A scenario's user with its secrets resolved (from the environment, a file, or the lab). Never printed whole.
 *
 * @param upn      the user principal name
 * @param password the password, or null
 * @param totpSeed the Base32 TOTP seed, or null
 */
public record ResolvedUser(String upn, Secret password, Secret totpSeed) {
}
