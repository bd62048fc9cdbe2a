package org.mfaharness.lab.eam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.lab.config.Directory;
import org.mfaharness.lab.sign.JwtSigner;
import org.mfaharness.lab.web.Html;
import org.mfaharness.lab.web.OtpVerifier;
import org.mfaharness.lab.web.Party;
import org.mfaharness.lab.web.Request;

/**
 * The lab's External Authentication Method providers, each under {@code /{id}}: discovery at
 * {@code /{id}/.well-known/openid-configuration}, keys at {@code /{id}/discovery/keys}, the authorize endpoint
 * {@code /{id}/authorize} taking Entra's form POST (it checks the {@code id_token_hint} against lab Entra's key,
 * ignoring its deliberate expiry), a TOTP page posting {@code totpCode} to {@code /{id}/verify}, and the form_post of
 * {@code id_token} + {@code state} back to Entra — or, after {@value #MAX_WRONG_CODES} wrong codes, the failure
 * response {@code error=access_denied} + {@code state}. Each provider's {@code behavior} knob bends one rule of the
 * spec's section 3. Thread-safe.
 */
public final class EamProviderServer extends Party {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_LIFETIME = Duration.ofMinutes(10);
    /** Wrong codes one attempt may take before the provider gives up and reports {@code access_denied}. */
    public static final int MAX_WRONG_CODES = 3;

    private final Directory dir;
    private final String base;
    private final String entraRedirectUri;
    private final CloudProfile cloud;
    private final RSAKey entraKey;
    private final JwtSigner signer;
    private final Clock clock;
    private final OtpVerifier otp;
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final java.util.concurrent.CopyOnWriteArrayList<RSAKey> extraHintKeys = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record Attempt(Directory.EamInfo provider, Directory.UserInfo user, String hintSub, String nonce,
                           String state, String acr, String redirectUri, Instant created,
                           java.util.concurrent.atomic.AtomicInteger wrongCodes) {
    }

    /**
     * @param dir              the lab directory
     * @param base             this server's base URL
     * @param entraRedirectUri lab Entra's EAM redirect URI (the only accepted {@code redirect_uri})
     * @param cloud            the lab cloud profile (for the hint's issuer)
     * @param entraKey         lab Entra's public key, the one in its v2 JWKS
     * @param signer           the providers' signing key
     * @param clock            the time source
     */
    public EamProviderServer(Directory dir, String base, String entraRedirectUri, CloudProfile cloud, RSAKey entraKey,
                             JwtSigner signer, Clock clock) {
        this.dir = dir;
        this.base = base;
        this.entraRedirectUri = entraRedirectUri;
        this.cloud = cloud;
        this.entraKey = entraKey;
        this.signer = signer;
        this.clock = clock;
        this.otp = new OtpVerifier(clock);
    }

    @Override
    protected String name() {
        return "lab EAM provider";
    }

    /**
     * Also accepts {@code id_token_hint}s signed by these keys, as a provider configured with another Entra's
     * metadata would (e.g. {@code mfa-harness certify}, which plays Entra with keys of its own). Additive: lab
     * Entra's key stays trusted. Thread-safe.
     */
    public void trustHintKeys(List<RSAKey> keys) {
        extraHintKeys.addAllAbsent(keys);
    }

    private boolean hintSignedByTrustedKey(SignedJWT jwt) throws JOSEException {
        if (jwt.verify(new RSASSAVerifier(entraKey))) {
            return true;
        }
        for (RSAKey k : extraHintKeys) {
            if (jwt.verify(new RSASSAVerifier(k))) {
                return true;
            }
        }
        return false;
    }

    /** The issuer of provider {@code id}: {@code base/id}. */
    public String issuer(String id) {
        return base + "/" + id;
    }

    /** The discovery document of a provider, as served. */
    public Optional<String> discovery(String id) {
        return dir.eamProvider(id).map(p -> {
            String iss = issuer(id);
            ObjectNode o = JSON.createObjectNode();
            o.put("issuer", iss);
            o.put("authorization_endpoint", iss + "/authorize");
            o.put("jwks_uri", iss + "/discovery/keys");
            o.putArray("scopes_supported").add("openid");
            o.putArray("response_types_supported").add("id_token");
            o.putArray("response_modes_supported").add("form_post");
            o.putArray("subject_types_supported").add("public");
            o.putArray("id_token_signing_alg_values_supported").add("RS256");
            o.putArray("claim_types_supported").add("normal");
            o.putArray("claims_supported").add("sub").add("iss").add("aud").add("exp").add("iat").add("nonce")
                    .add("acr").add("amr");
            return o.toString();
        });
    }

    /** The JWKS of a provider, as served (without {@code x5c} for the {@code jwk-without-x5c} knob). */
    public Optional<String> jwks(String id) {
        return dir.eamProvider(id).map(p -> {
            RSAKey k = signer.publicJwk();
            if (p.behavior() == Directory.EamBehavior.JWK_WITHOUT_X5C) {
                k = new RSAKey.Builder(signer.key().publicKey()).keyID(k.getKeyID()).keyUse(k.getKeyUse())
                        .algorithm(k.getAlgorithm()).build();
            }
            return new JWKSet(k).toString(true);
        });
    }

    /** Serves a metadata URL of this server to lab Entra in-process (what it would fetch). */
    public Optional<String> fetch(String url) {
        if (!url.startsWith(base + "/")) {
            return Optional.empty();
        }
        String rest = url.substring(base.length() + 1);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String id = rest.substring(0, slash);
        String path = rest.substring(slash);
        return switch (path) {
            case "/.well-known/openid-configuration" -> discovery(id);
            case "/discovery/keys" -> jwks(id);
            default -> Optional.empty();
        };
    }

    @Override
    protected void serve(Request r) throws Exception {
        String path = r.path();
        if (path.equals("/")) {
            Html.sendHtml(r.exchange(), 200, Html.page(name(), "<h1>Lab EAM providers</h1><ul>"
                    + dir.eamProviders().stream().map(p -> "<li>" + Html.esc(issuer(p.id())) + " ("
                    + Html.esc(p.behavior().id) + ")</li>").reduce("", String::concat) + "</ul>"));
            return;
        }
        int slash = path.indexOf('/', 1);
        String id = slash < 0 ? path.substring(1) : path.substring(1, slash);
        String rest = slash < 0 ? "" : path.substring(slash);
        Directory.EamInfo p = dir.eamProvider(id).orElse(null);
        if (p == null) {
            Html.sendText(r.exchange(), 404, name() + ": no such provider\n");
            return;
        }
        switch (rest) {
            case "/.well-known/openid-configuration" -> Html.sendJson(r.exchange(), 200, discovery(id).orElseThrow());
            case "/discovery/keys" -> Html.sendJson(r.exchange(), 200, jwks(id).orElseThrow());
            case "/authorize" -> authorize(r, p);
            case "/verify" -> verify(r);
            default -> Html.sendText(r.exchange(), 404, name() + ": no such endpoint\n");
        }
    }

    private void error(Request r, int status, String message) {
        Html.sendHtml(r.exchange(), status, Html.page("Verification error",
                "<div id=\"errorText\" class=\"error\">" + Html.esc(message) + "</div>"));
    }

    private void authorize(Request r, Directory.EamInfo p) {
        if (!r.isPost()) {
            error(r, 405, "The authorize endpoint takes Entra's form POST.");
            return;
        }
        String redirect = r.required("redirect_uri");
        if (!redirect.equals(entraRedirectUri)) {
            error(r, 400, "redirect_uri is not Entra's external authentication endpoint.");
            return;
        }
        if (!"id_token".equals(r.required("response_type")) || !"form_post".equals(r.param("response_mode").orElse(""))
                || !List.of(r.required("scope").split(" ")).contains("openid")) {
            error(r, 400, "Only scope=openid, response_type=id_token, response_mode=form_post are supported.");
            return;
        }
        String clientId = r.required("client_id");
        if (!clientId.equals(p.clientId())) {
            error(r, 400, "Unknown client_id.");
            return;
        }
        String nonce = r.required("nonce");
        String state = r.param("state").orElse(null);
        JWTClaimsSet hint;
        try {
            SignedJWT jwt = SignedJWT.parse(r.required("id_token_hint"));
            if (!hintSignedByTrustedKey(jwt)) {
                error(r, 400, "The id_token_hint is not signed by Entra.");
                return;
            }
            hint = jwt.getJWTClaimsSet();
        } catch (java.text.ParseException | JOSEException e) {
            error(r, 400, "The id_token_hint is not a valid JWT.");
            return;
        }
        // The hint is expired by design: its exp is ignored. Map the user by oid + tid, as the spec recommends.
        String tid = String.valueOf(hint.getClaim("tid"));
        String oid = String.valueOf(hint.getClaim("oid"));
        if (!cloud.v2Issuer(tid).equals(hint.getIssuer()) || hint.getAudience() == null
                || !hint.getAudience().contains(p.clientId())) {
            error(r, 400, "The id_token_hint has an unexpected issuer or audience.");
            return;
        }
        Directory.UserInfo u = dir.userByObjectId(oid).filter(x -> x.tenantId().equals(tid)).orElse(null);
        if (u == null) {
            error(r, 400, "Unknown user.");
            return;
        }
        if (p.behavior() == Directory.EamBehavior.ACCESS_DENIED) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("error", "access_denied");
            f.put("error_description", "The user denied the request.");
            f.put("state", state);
            Html.sendHtml(r.exchange(), 200, Html.autoPost("Returning", redirect, f));
            return;
        }
        String acr = requestedAcr(r.param("claims").orElse(null));
        String id = token();
        attempts.values().removeIf(a -> a.created().plus(REQUEST_LIFETIME).isBefore(clock.instant()));
        attempts.put(id, new Attempt(p, u, hint.getSubject(), nonce, state, acr, redirect, clock.instant(),
                new java.util.concurrent.atomic.AtomicInteger()));
        Html.sendHtml(r.exchange(), 200, totpPage(p, id, u, null));
    }

    private String totpPage(Directory.EamInfo p, String attempt, Directory.UserInfo u, String error) {
        return Html.page("Verify your identity", "<h2>Lab EAM provider " + Html.esc(p.id()) + "</h2>"
                + "<form method=\"post\" id=\"eamForm\" action=\"" + Html.esc(issuer(p.id())) + "/verify\">"
                + "<div id=\"eamTitle\">Enter the code from your authenticator app for " + Html.esc(u.upn()) + "</div>"
                + (error == null ? "" : "<div id=\"errorText\" class=\"error\">" + Html.esc(error) + "</div>")
                + "<input id=\"eamCodeInput\" name=\"totpCode\" type=\"tel\" autocomplete=\"off\">"
                + Html.hidden(Map.of("attempt", attempt))
                + "<input type=\"submit\" id=\"eamVerifyButton\" value=\"Verify\"></form>");
    }

    private void verify(Request r) {
        if (!r.isPost()) {
            error(r, 405, "POST only.");
            return;
        }
        String id = r.required("attempt");
        Attempt a = attempts.get(id);
        if (a == null) {
            error(r, 400, "The verification request has expired or is unknown.");
            return;
        }
        OtpVerifier.Result res = otp.verify(a.provider().id() + ":" + a.user().upn(), a.user().totpSeed(),
                r.param("totpCode").orElse(""));
        if (res == OtpVerifier.Result.WRONG && a.wrongCodes().incrementAndGet() >= MAX_WRONG_CODES) {
            // The user failed the second factor: report it to Entra as the spec's failure response (section 3).
            attempts.remove(id);
            Map<String, String> f = new LinkedHashMap<>();
            f.put("error", "access_denied");
            f.put("error_description", "The second factor was not completed.");
            f.put("state", a.state());
            Html.sendHtml(r.exchange(), 200, Html.autoPost("Returning to Microsoft", a.redirectUri(), f));
            return;
        }
        if (res != OtpVerifier.Result.ACCEPTED) {
            Html.sendHtml(r.exchange(), 200, totpPage(a.provider(), id, a.user(),
                    res == OtpVerifier.Result.REPLAYED ? "This code was already used." : "Wrong code, try again."));
            return;
        }
        attempts.remove(id);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id_token", idToken(a));
        f.put("state", a.state());
        Html.sendHtml(r.exchange(), 200, Html.autoPost("Returning to Microsoft", a.redirectUri(), f));
    }

    private String idToken(Attempt a) {
        Directory.EamBehavior b = a.provider().behavior();
        long now = clock.instant().getEpochSecond();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", b == Directory.EamBehavior.ISSUER_TRAILING_SLASH ? issuer(a.provider().id()) + "/"
                : issuer(a.provider().id()));
        c.put("aud", a.provider().clientId());
        c.put("sub", b == Directory.EamBehavior.SUB_IS_OID ? a.user().objectId() : a.hintSub());
        c.put("iat", now);
        c.put("nbf", now);
        c.put("exp", now + 600);
        if (b != Directory.EamBehavior.NO_NONCE) {
            c.put("nonce", a.nonce());
        }
        c.put("acr", a.acr());
        c.put("amr", switch (b) {
            case AMR_MFA -> List.of("mfa");
            case TWO_AMR -> List.of("otp", "sms");
            default -> List.of("otp");
        });
        return signer.sign(c);
    }

    /** The first acr value Entra requested in {@code claims}, or {@code possessionorinherence}. */
    private static String requestedAcr(String claims) {
        if (claims != null) {
            try {
                JsonNode values = JSON.readTree(claims).path("id_token").path("acr").path("values");
                if (values.isArray() && values.size() > 0) {
                    return values.get(0).asText();
                }
            } catch (java.io.IOException e) {
                // Malformed claims: fall back to the default, as a lenient provider does.
            }
        }
        return "possessionorinherence";
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
