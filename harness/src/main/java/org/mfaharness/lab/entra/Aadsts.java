package org.mfaharness.lab.entra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.mfaharness.lab.web.Html;

/**
 * An Entra error as the lab answers it: the AADSTS code, the OAuth {@code error}, the description, and the
 * {@code suberror} where Entra sends one. Rendered as token-endpoint JSON ({@code error}, {@code error_description}
 * starting with {@code AADSTSnnnnn: }, {@code error_codes}, {@code timestamp}, {@code trace_id},
 * {@code correlation_id}, {@code error_uri}) or as the sign-in error page. Texts follow
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes.
 *
 * @param code        the AADSTS number
 * @param error       the OAuth error ({@code invalid_grant}, {@code interaction_required}, ...)
 * @param description the text after {@code AADSTSnnnnn: }
 * @param suberror    e.g. {@code basic_action}, or null
 */
public record Aadsts(int code, String error, String description, String suberror) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    static Aadsts mfaRequired50076(String resource) {
        return new Aadsts(50076, "invalid_grant", "Due to a configuration change made by your administrator, or "
                + "because you moved to a new location, you must use multi-factor authentication to access '"
                + resource + "'.", "basic_action");
    }

    static Aadsts mfaClaimFromIdpRequired50079(String resource) {
        return new Aadsts(50079, "interaction_required", "Due to a configuration change made by your administrator, "
                + "or because you moved to a new location, you must enroll in multi-factor authentication to access '"
                + resource + "'. Either a managed user needs to register security info to complete multifactor "
                + "authentication, or a federated user needs to get the multifactor claim from the federated "
                + "identity provider.", null);
    }

    static Aadsts strongAuthFailed50074() {
        return new Aadsts(50074, "interaction_required",
                "Strong Authentication is required. The user did not pass the MFA challenge.", null);
    }

    static Aadsts externalChallengeNotSatisfied50158(String detail) {
        return new Aadsts(50158, "interaction_required", "External security challenge not satisfied. " + detail, null);
    }

    static Aadsts invalidExternalChallengeConfiguration50161(String detail) {
        return new Aadsts(50161, "invalid_request", "Failed to validate the external claims provider: " + detail, null);
    }

    static Aadsts invalidJwt50027(String detail) {
        return new Aadsts(50027, "invalid_request", "JWT token is invalid or malformed. " + detail, null);
    }

    static Aadsts externalSignature50012(String issuer) {
        return new Aadsts(50012, "invalid_request", "External ID token from issuer '" + issuer
                + "' failed signature verification.", null);
    }

    static Aadsts blockedByConditionalAccess53003() {
        return new Aadsts(53003, "access_denied", "Access has been blocked by Conditional Access policies. "
                + "The access policy does not allow token issuance.", null);
    }

    static Aadsts badPassword50126() {
        return new Aadsts(50126, "invalid_grant", "Error validating credentials due to invalid username or password.", null);
    }

    static Aadsts userNotFound50034(String upn) {
        return new Aadsts(50034, "invalid_request", "The user account " + upn
                + " does not exist in the directory. To sign into this application, the account must be added to the directory.", null);
    }

    static Aadsts codeExpired70008() {
        return new Aadsts(70008, "invalid_grant",
                "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive "
                        + "authorization request for this user and resource.", null);
    }

    static Aadsts codeRedeemed54005() {
        return new Aadsts(54005, "invalid_grant",
                "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing "
                        + "refresh token.", null);
    }

    static Aadsts invalidGrant70000(String detail) {
        return new Aadsts(70000, "invalid_grant", "Provided grant is invalid or malformed. " + detail, null);
    }

    static Aadsts missingParameter900144(String parameter) {
        return new Aadsts(900144, "invalid_request",
                "The request body must contain the following parameter: '" + parameter + "'.", null);
    }

    static Aadsts unknownClient700016(String clientId) {
        return new Aadsts(700016, "unauthorized_client", "Application with identifier '" + clientId
                + "' was not found in the directory. This can happen if the application has not been installed by the "
                + "administrator of the tenant or consented to by any user in the tenant.", null);
    }

    static Aadsts redirectMismatch50011(String uri) {
        return new Aadsts(50011, "invalid_request", "The redirect URI '" + uri
                + "' specified in the request does not match the redirect URIs configured for the application.", null);
    }

    static Aadsts pkceMismatch501481() {
        return new Aadsts(501481, "invalid_grant",
                "The Code_Verifier does not match the code_challenge supplied in the authorization request.", null);
    }

    static Aadsts unknownResource500011(String resource, String tenant) {
        return new Aadsts(500011, "invalid_resource", "The resource principal named " + resource
                + " was not found in the tenant named " + tenant + ".", null);
    }

    static Aadsts multipleResources28000() {
        return new Aadsts(28000, "invalid_scope", "Provided value for the input parameter scope is not valid "
                + "because it contains more than one resource.", null);
    }

    static Aadsts unsupportedGrant70003(String grant) {
        return new Aadsts(70003, "unsupported_grant_type", "The app requested an unsupported grant type '" + grant + "'.", null);
    }

    static Aadsts unknownTenant90002(String tenant) {
        return new Aadsts(90002, "invalid_tenant", "Tenant '" + tenant + "' not found.", null);
    }

    static Aadsts authorizationPending70016() {
        return new Aadsts(70016, "authorization_pending",
                "OAuth 2.0 device flow error. Authorization is pending. Continue polling.", null);
    }

    static Aadsts deviceCodeExpired70020() {
        return new Aadsts(70020, "code_expired", "The provided value for the input parameter 'device_code' is not valid. "
                + "This device code has expired.", null);
    }

    static Aadsts userNotInTenant50020(String upn, String tenant) {
        return new Aadsts(50020, "invalid_request", "User account '" + upn + "' from identity provider does not exist "
                + "in tenant '" + tenant + "' and cannot access the application in that tenant.", null);
    }

    static Aadsts samlInvalid50008(String detail) {
        return new Aadsts(50008, "invalid_request", "SAML assertion is missing or misconfigured in the token. " + detail, null);
    }

    static Aadsts unknownFederationIssuer50107(String issuer) {
        return new Aadsts(50107, "invalid_request", "The requested federation realm object '" + issuer
                + "' does not exist.", null);
    }

    static Aadsts wsFedMessageInvalid20012(String detail) {
        return new Aadsts(20012, "invalid_request",
                "An error occurred when we tried to process a WS-Federation message. The message was invalid. " + detail, null);
    }

    static Aadsts federatedUserNotFound51004(String anchor) {
        return new Aadsts(51004, "invalid_request", "The user account with ImmutableID '" + anchor
                + "' does not exist in the directory.", null);
    }

    static Aadsts noSignInInProgress90014(String field) {
        return new Aadsts(90014, "invalid_request", "The required field '" + field
                + "' is missing or names no sign-in in progress (it may have expired).", null);
    }

    /** The token-endpoint JSON body. */
    public String json(Clock clock, String loginBase) {
        String trace = UUID.randomUUID().toString();
        String corr = UUID.randomUUID().toString();
        String ts = TIMESTAMP.format(clock.instant());
        ObjectNode o = JSON.createObjectNode();
        o.put("error", error);
        o.put("error_description", "AADSTS" + code + ": " + description + "\r\nTrace ID: " + trace
                + "\r\nCorrelation ID: " + corr + "\r\nTimestamp: " + ts);
        o.putArray("error_codes").add(code);
        o.put("timestamp", ts);
        o.put("trace_id", trace);
        o.put("correlation_id", corr);
        o.put("error_uri", loginBase + "/error?code=" + code);
        if (suberror != null) {
            o.put("suberror", suberror);
        }
        return o.toString();
    }

    /** The sign-in error page, as Entra shows it in the browser. */
    public String page(Clock clock) {
        String ts = TIMESTAMP.format(clock.instant()).replace(' ', 'T');
        return Html.page("Sign in to your account",
                "<h1 id=\"login_workload_logo_text\">Sorry, but we're having trouble signing you in.</h1>"
                        + "<div id=\"service_exception_message\" class=\"error\">AADSTS" + code + ": "
                        + Html.esc(description) + "</div>"
                        + "<table id=\"debugDetails\"><tr><td>Request Id</td><td id=\"requestId\">"
                        + UUID.randomUUID() + "</td></tr><tr><td>Correlation Id</td><td id=\"correlationId\">"
                        + UUID.randomUUID() + "</td></tr><tr><td>Timestamp</td><td id=\"timestamp\">" + ts
                        + "</td></tr><tr><td>Message</td><td id=\"errorCode\" data-error=\"" + Html.esc(error)
                        + "\">AADSTS" + code + "</td></tr></table>");
    }

    /** Sends the JSON body with status 400. */
    void sendJson(HttpServerExchange ex, Clock clock, String loginBase) {
        Html.sendJson(ex, 400, json(clock, loginBase));
    }

    /** Sends the error page with status 400. */
    void sendPage(HttpServerExchange ex, Clock clock) {
        Html.sendHtml(ex, 400, page(clock));
    }
}
