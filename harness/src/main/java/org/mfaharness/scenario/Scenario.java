package org.mfaharness.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One sign-in to run, as a scenario file describes it. Immutable. See docs/scenarios.md for the file format.
 *
 * @param name        the scenario's name (defaults to the file name)
 * @param description free text
 * @param cloud       {@code public}, {@code usgov}, {@code china} or {@code lab}
 * @param authority   an explicit authority base URL overriding the cloud's (e.g. a lab on another host), or null
 * @param tenant      the tenant segment of the authority ({@code organizations}, a tenant id or a domain)
 * @param clientId    the public client (default: the Azure CLI client Microsoft's own check uses)
 * @param scope       the scope of the first token (default: the cloud's Partner Center {@code user_impersonation})
 * @param flow        how the first token is acquired
 * @param refresh     a follow-up refresh-token redemption, or null
 * @param aobo        an admin-on-behalf-of call to a customer tenant, or null
 * @param callPartnerCenter whether to call the Partner Center API with the token (GET /v1/customers)
 * @param user        who signs in
 * @param steps       declarative sign-in steps (each a map with url-matches and one action), in order
 * @param expect      what the run must show
 * @param file        the file the scenario came from, or null
 */
public record Scenario(String name, String description, String cloud, String authority, String tenant, String clientId,
                       String scope, Flow flow, Refresh refresh, Aobo aobo, boolean callPartnerCenter, User user,
                       List<Map<String, Object>> steps, Expectation expect, Path file) {

    /** The Azure CLI public client, which {@code Test-PartnerSecurityRequirement} uses. */
    public static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    /** How the first token is acquired. */
    public enum Flow { INTERACTIVE, DEVICE_CODE }

    /**
     * Redeem the refresh token for another scope.
     *
     * @param scope the scope of the second token
     */
    public record Refresh(String scope) {
    }

    /**
     * Admin on behalf of: redeem the refresh token at a customer tenant, then call a resource there.
     *
     * @param tenant the customer tenant
     * @param scope  the customer-side scope
     * @param call   a URL to GET with the customer token, or null
     */
    public record Aobo(String tenant, String scope, String call) {
    }

    /**
     * The user; secrets by reference only.
     *
     * @param upn      the user principal name
     * @param password where the password comes from, or null (passwordless / manual)
     * @param totpSeed where the TOTP seed comes from, or null
     */
    public record User(String upn, SecretRef password, SecretRef totpSeed) {
    }

    public Scenario {
        steps = steps == null ? List.of() : List.copyOf(steps);
        expect = expect == null ? Expectation.none() : expect;
    }
}
