package org.mfaharness.lab;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mfaharness.totp.Totp;

/**
 * Drives a whole lab sign-in with {@link FormAgent}: the authorization request, Entra's user-name and password pages,
 * the IdPs' pages, every TOTP page (Entra's, an IdP's, an EAM provider's), and the code redemption. TOTP codes come
 * from the user's seed; when a party says a code was already used, the next time step's code is used (±1 window).
 */
final class LabSignIn {
    static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String PC_SCOPE = "https://api.partnercenter.lab.test/user_impersonation";
    static final String GRAPH_SCOPE = "https://graph.lab.test/User.Read";
    static final String REDIRECT = "http://localhost:1/callback";

    /** The outcome: the application redirect (code) or an Entra error page, with the recorded hops. */
    record Outcome(Optional<String> code, Optional<String> aadsts, String state, String verifier,
                   List<FormAgent.Hop> hops, FormAgent.Page last) {
        boolean sawPath(String suffix) {
            return hops.stream().anyMatch(h -> h.path().endsWith(suffix));
        }

        long countPath(String suffix) {
            return hops.stream().filter(h -> h.path().endsWith(suffix)).count();
        }
    }

    private LabSignIn() {
    }

    static Outcome interactive(Lab lab, LabUser user, String scope) {
        return interactive(lab, user, scope, "organizations", true);
    }

    static Outcome interactive(Lab lab, LabUser user, String scope, String tenant, boolean promptLogin) {
        FormAgent agent = new FormAgent(lab.sslContext(), u -> u.startsWith("http://localhost:1/"));
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("verifier-" + System.nanoTime() + "-0123456789abcdefghijklmnop").getBytes(StandardCharsets.US_ASCII));
        String state = "st-" + System.nanoTime();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", AZURE_CLI);
        q.put("response_type", "code");
        q.put("redirect_uri", REDIRECT);
        q.put("scope", scope + " openid profile offline_access");
        q.put("state", state);
        q.put("nonce", "n-" + System.nanoTime());
        q.put("code_challenge", s256(verifier));
        q.put("code_challenge_method", "S256");
        if (promptLogin) {
            q.put("prompt", "login");
        }
        String url = lab.addresses().loginBase() + "/" + tenant + "/oauth2/v2.0/authorize?" + FormAgent.encode(q);
        FormAgent.Page page = agent.get(url);
        return drive(agent, page, user, state, verifier);
    }

    /** Completes whatever sign-in the page starts (also the device-login flow). */
    static Outcome drive(FormAgent agent, FormAgent.Page start, LabUser user, String state, String verifier) {
        Totp totp = Totp.fromBase32(user.totpSeed());
        FormAgent.Page page = start;
        for (int step = 0; step < 25; step++) {
            if (page.stoppedAtApp()) {
                Map<String, String> q = page.appQuery();
                return new Outcome(Optional.ofNullable(q.get("code")), Optional.empty(), state, verifier, agent.hops, page);
            }
            if (page.has("service_exception_message")) {
                String code = page.text("errorCode").orElse("?");
                return new Outcome(Optional.empty(), Optional.of(code), state, verifier, agent.hops, page);
            }
            if (page.has("deviceAuthDone")) {
                return new Outcome(Optional.empty(), Optional.empty(), state, verifier, agent.hops, page);
            }
            String codeNow = totp.codeAt(Instant.now());
            String codeNext = totp.codeAt(Instant.now().plus(Duration.ofSeconds(30)));
            boolean used = page.body().contains("already used") || page.body().contains("already been used");
            String code = used ? codeNext : codeNow;
            if (page.has("i0118")) {
                page = agent.submit(page, "i0118", Map.of("passwd", user.password()));
            } else if (page.has("i0116")) {
                if (page.has("usernameError")) {
                    throw new AssertionError("Entra did not find " + user.upn());
                }
                page = agent.submit(page, "i0116", Map.of("loginfmt", user.upn()));
            } else if (page.has("userNameInput")) {
                page = agent.submit(page, "userNameInput", Map.of("UserName", user.upn(), "Password", user.password()));
            } else if (page.has("okta-signin-username")) {
                page = agent.submit(page, "okta-signin-username", Map.of("username", user.upn(), "password", user.password()));
            } else if (page.has("idTxtBx_SAOTCC_OTC")) {
                page = agent.submit(page, "idTxtBx_SAOTCC_OTC", Map.of("otc", code));
            } else if (page.has("totpCodeInput")) {
                page = agent.submit(page, "totpCodeInput", Map.of("totpCode", code));
            } else if (page.has("eamCodeInput")) {
                page = agent.submit(page, "eamCodeInput", Map.of("totpCode", code));
            } else {
                throw new AssertionError("unexpected page " + page.url() + " (" + page.status() + "):\n" + page.body());
            }
        }
        throw new AssertionError("the sign-in did not finish");
    }

    /** Redeems an authorization code at the token endpoint. */
    static java.net.http.HttpResponse<String> redeem(Lab lab, Outcome o, String scope) {
        FormAgent agent = new FormAgent(lab.sslContext(), u -> false);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("client_id", AZURE_CLI);
        f.put("grant_type", "authorization_code");
        f.put("code", o.code().orElseThrow(() -> new AssertionError("no code; error " + o.aadsts())));
        f.put("redirect_uri", REDIRECT);
        f.put("code_verifier", o.verifier());
        f.put("scope", scope + " openid profile offline_access");
        return agent.send("POST", lab.addresses().loginBase() + "/organizations/oauth2/v2.0/token", f);
    }

    /** Posts a token request. */
    static java.net.http.HttpResponse<String> tokenRequest(Lab lab, String tenant, Map<String, String> form) {
        return new FormAgent(lab.sslContext(), u -> false).send("POST",
                lab.addresses().loginBase() + "/" + tenant + "/oauth2/v2.0/token", form);
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String host(String url) {
        return URI.create(url).getHost();
    }
}
