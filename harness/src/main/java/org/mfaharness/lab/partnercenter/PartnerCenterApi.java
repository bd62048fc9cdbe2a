package org.mfaharness.lab.partnercenter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.lab.config.Directory;
import org.mfaharness.lab.web.Html;
import org.mfaharness.lab.web.Party;
import org.mfaharness.lab.web.Request;

/**
 * The lab's Partner Center API: {@code GET /v1/customers} and the MFA endpoints of the spec's section 4
 * ({@code /v1/nonMfaCompliantPartnerPrincipals}, {@code /v1/applicationmfaadoptionstatus}, {@code /v1/partnerRequests}).
 * Every call needs a bearer token signed by lab Entra, with {@code aud} the Partner Center resource, a lab v1 issuer
 * and a current time window (else 401); a token whose {@code amr} has no element exactly {@code mfa} gets 401 with
 * error code {@code 900421}. It also answers {@code GET /subscriptions} as a customer-tenant (AOBO) resource for
 * tokens with {@code aud} {@value #CUSTOMER_RESOURCE}. Thread-safe.
 */
public final class PartnerCenterApi extends Party {
    /** The customer-tenant resource (ARM-like) used for the AOBO flow. */
    public static final String CUSTOMER_RESOURCE = "https://management.lab.test";
    /** Partner Center's "MFA required" error code ([3p] sources quoted in the spec, section 5). */
    public static final int MFA_REQUIRED = 900421;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final int LOG_SIZE = 1000;

    private final Directory dir;
    private final CloudProfile cloud;
    private final RSAKey entraKey;
    private final Clock clock;
    private final Deque<Map<String, Object>> log = new ArrayDeque<>();

    public PartnerCenterApi(Directory dir, CloudProfile cloud, RSAKey entraKey, Clock clock) {
        this.dir = dir;
        this.cloud = cloud;
        this.entraKey = entraKey;
        this.clock = clock;
    }

    @Override
    protected String name() {
        return "lab Partner Center";
    }

    @Override
    protected void serve(Request r) throws Exception {
        String path = r.path();
        if (!r.isGet()) {
            error(r, 405, 405, "MethodNotAllowed", "Only GET is supported by the lab Partner Center API.");
            return;
        }
        if (path.equals("/")) {
            Html.sendText(r.exchange(), 200, "lab Partner Center API: GET /v1/customers, /v1/nonMfaCompliantPartnerPrincipals, "
                    + "/v1/applicationmfaadoptionstatus, /v1/partnerRequests; AOBO: GET /subscriptions\n");
            return;
        }
        boolean customerApi = path.equals("/subscriptions");
        Optional<JWTClaimsSet> token = authenticate(r, customerApi ? CUSTOMER_RESOURCE : Directory.PARTNER_CENTER_RESOURCE);
        if (token.isEmpty()) {
            return;
        }
        JWTClaimsSet c = token.get();
        if (customerApi) {
            subscriptions(r, c);
            return;
        }
        List<?> amr = c.getClaim("amr") instanceof List<?> l ? l : List.of();
        // Exact element match: wiaormfa or ngcmfa are not "mfa" (unlike the cmdlet's substring test).
        boolean mfa = amr.stream().anyMatch("mfa"::equals);
        record(r, c, path, mfa);
        if ("true".equalsIgnoreCase(r.header("ValidateMfa").orElse(""))) {
            r.exchange().getResponseHeaders().put(io.undertow.util.HttpString.tryFromString("isMfaCompliant"),
                    Boolean.toString(mfa));
        }
        if (!mfa) {
            r.exchange().getResponseHeaders().put(io.undertow.util.Headers.WWW_AUTHENTICATE,
                    "Bearer error=\"insufficient_claims\", error_description=\"MFA required\"");
            error(r, 401, MFA_REQUIRED, "MfaRequired", "Authentication failed. MFA required. The access token does "
                    + "not carry the MFA claim (amr must contain \"mfa\"); sign in again with multi-factor authentication.");
            return;
        }
        switch (path) {
            case "/v1/customers" -> customers(r, c);
            case "/v1/nonMfaCompliantPartnerPrincipals" -> nonMfa(r, c);
            case "/v1/applicationmfaadoptionstatus" -> adoption(r, c);
            case "/v1/partnerRequests" -> requests(r, c);
            default -> error(r, 404, 404, "NotFound", "No such resource in the lab Partner Center API.");
        }
    }

    private Optional<JWTClaimsSet> authenticate(Request r, String audience) {
        String auth = r.header("Authorization").orElse("");
        if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized(r, "No bearer token.");
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(auth.substring(7).strip());
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new RSASSAVerifier(entraKey))) {
                unauthorized(r, "The token signature is not valid.");
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            if (c.getAudience() == null || c.getAudience().stream().noneMatch(a -> Directory.sameResource(a, audience))) {
                unauthorized(r, "The token audience is not " + audience + ".");
                return Optional.empty();
            }
            String iss = c.getIssuer();
            Optional<String> tid = cloud.tenantOfIssuer(iss);
            if (tid.isEmpty() || !iss.equals(cloud.v1Issuer(tid.get()))) {
                unauthorized(r, "The token issuer is not a lab Entra v1 issuer.");
                return Optional.empty();
            }
            Instant now = clock.instant();
            if (c.getExpirationTime() == null || !now.isBefore(c.getExpirationTime().toInstant().plus(SKEW))
                    || c.getNotBeforeTime() != null && now.plus(SKEW).isBefore(c.getNotBeforeTime().toInstant())) {
                unauthorized(r, "The token is expired or not yet valid.");
                return Optional.empty();
            }
            return Optional.of(c);
        } catch (java.text.ParseException | JOSEException e) {
            unauthorized(r, "The bearer token is not a JWT.");
            return Optional.empty();
        }
    }

    private void unauthorized(Request r, String why) {
        r.exchange().getResponseHeaders().put(io.undertow.util.Headers.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        error(r, 401, 401, "Unauthorized", why);
    }

    private void error(Request r, int status, int code, String name, String description) {
        ObjectNode o = JSON.createObjectNode();
        o.put("code", code);
        o.put("description", description);
        o.put("errorName", name);
        o.putArray("data");
        o.put("source", "PartnerFD");
        o.putObject("attributes").put("objectType", "Error");
        Html.sendJson(r.exchange(), status, o.toString());
    }

    private synchronized void record(Request r, JWTClaimsSet c, String path, boolean mfa) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("requestId", UUID.randomUUID().toString());
        e.put("correlationId", r.header("MS-CorrelationId").orElse(UUID.randomUUID().toString()));
        e.put("operationName", "GET " + path);
        e.put("requestDateTime", clock.instant().toString());
        e.put("sourceIpAddress", r.clientIp());
        e.put("objectId", String.valueOf(c.getClaim("oid")));
        e.put("tenantId", String.valueOf(c.getClaim("tid")));
        e.put("upn", String.valueOf(c.getClaim("upn")));
        e.put("applicationId", String.valueOf(c.getClaim("appid")));
        e.put("mfaCompliant", mfa);
        log.addFirst(e);
        while (log.size() > LOG_SIZE) {
            log.removeLast();
        }
    }

    private synchronized List<Map<String, Object>> logOf(String tenantId) {
        return log.stream().filter(e -> tenantId.equals(e.get("tenantId"))).toList();
    }

    private void collection(Request r, ArrayNode items) {
        ObjectNode o = JSON.createObjectNode();
        o.put("totalCount", items.size());
        o.set("items", items);
        o.putObject("attributes").put("objectType", "Collection");
        Html.sendJson(r.exchange(), 200, o.toString());
    }

    private void customers(Request r, JWTClaimsSet c) {
        String tid = String.valueOf(c.getClaim("tid"));
        ArrayNode items = JSON.createArrayNode();
        for (Directory.TenantInfo t : dir.tenants()) {
            if (t.delegatedAdminPartners().contains(tid)) {
                ObjectNode cust = items.addObject();
                cust.put("id", t.id());
                ObjectNode profile = cust.putObject("companyProfile");
                profile.put("tenantId", t.id());
                profile.put("companyName", t.name());
                cust.put("relationshipToPartner", "reseller");
                cust.putObject("attributes").put("objectType", "Customer");
            }
        }
        collection(r, items);
    }

    private void nonMfa(Request r, JWTClaimsSet c) {
        Map<String, ObjectNode> byPrincipal = new LinkedHashMap<>();
        for (Map<String, Object> e : logOf(String.valueOf(c.getClaim("tid")))) {
            if (Boolean.FALSE.equals(e.get("mfaCompliant"))) {
                byPrincipal.computeIfAbsent((String) e.get("objectId"), k -> {
                    ObjectNode n = JSON.createObjectNode();
                    n.put("objectId", (String) e.get("objectId"));
                    n.put("tenantId", (String) e.get("tenantId"));
                    n.put("upn", (String) e.get("upn"));
                    n.put("lastNonMfaCompliantRequestDateTime", (String) e.get("requestDateTime"));
                    return n;
                });
            }
        }
        ArrayNode items = JSON.createArrayNode();
        byPrincipal.values().forEach(items::add);
        collection(r, items);
    }

    private void adoption(Request r, JWTClaimsSet c) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Map<String, Object> e : logOf(String.valueOf(c.getClaim("tid")))) {
            long[] n = counts.computeIfAbsent((String) e.get("applicationId"), k -> new long[2]);
            n[1]++;
            if (Boolean.TRUE.equals(e.get("mfaCompliant"))) {
                n[0]++;
            }
        }
        ArrayNode items = JSON.createArrayNode();
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        counts.forEach((app, n) -> {
            ObjectNode o = items.addObject();
            o.put("loginDate", today);
            o.put("mfaCompliantRequestCount", n[0]);
            o.put("totalRequestCount", n[1]);
            o.put("applicationId", app);
            o.put("applicationName", dir.client(app).map(x -> x.name()).orElse(app));
        });
        collection(r, items);
    }

    private void requests(Request r, JWTClaimsSet c) {
        ArrayNode items = JSON.createArrayNode();
        for (Map<String, Object> e : logOf(String.valueOf(c.getClaim("tid")))) {
            items.add(JSON.valueToTree(e));
        }
        collection(r, items);
    }

    private void subscriptions(Request r, JWTClaimsSet c) {
        String tid = String.valueOf(c.getClaim("tid"));
        ObjectNode o = JSON.createObjectNode();
        ArrayNode v = o.putArray("value");
        ObjectNode s = v.addObject();
        s.put("subscriptionId", Directory.uuid("subscription:" + tid));
        s.put("displayName", dir.tenant(tid).map(Directory.TenantInfo::name).orElse(tid) + " subscription");
        s.put("tenantId", tid);
        s.put("state", "Enabled");
        Html.sendJson(r.exchange(), 200, o.toString());
    }
}
