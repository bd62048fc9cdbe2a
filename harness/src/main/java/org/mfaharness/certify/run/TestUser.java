package org.mfaharness.certify.run;

import java.util.List;
import java.util.Map;
import org.mfaharness.scenario.driver.Secret;

/**
 * The test user the sign-in drivers play, from the scenario file (secrets resolved from env:, file: or the lab).
 *
 * @param upn         the user principal name
 * @param password    the password, or null (EAM: Entra's first factor is not part of the run)
 * @param totpSeed    the Base32 TOTP seed of the IdP's or provider's second factor, or null
 * @param steps       declarative steps for pages the built-in drivers do not know (scenario {@code steps:})
 * @param tenantId    EAM: the user's tenant id ({@code tid} of the hint), or null
 * @param objectId    EAM: the user's object id ({@code oid} of the hint, how providers map users), or null
 * @param displayName EAM: the {@code name} of the hint, or null
 */
public record TestUser(String upn, Secret password, Secret totpSeed, List<Map<String, Object>> steps, String tenantId,
                       String objectId, String displayName) {
    public TestUser {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    @Override
    public String toString() {
        return "TestUser[" + upn + ", secrets redacted]";
    }
}
