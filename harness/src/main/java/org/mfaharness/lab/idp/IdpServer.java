package org.mfaharness.lab.idp;

import io.undertow.server.handlers.CookieImpl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mfaharness.lab.config.Directory;
import org.mfaharness.lab.sign.SigningKey;
import org.mfaharness.lab.sign.XmlSigner;
import org.mfaharness.lab.web.Html;
import org.mfaharness.lab.web.OtpVerifier;
import org.mfaharness.lab.web.Party;
import org.mfaharness.lab.web.Request;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What both federated IdPs share: their users (the domains federated to them), a signing key, a wrong key for the
 * {@code wrong-key} knob, a TOTP verifier with its own replay cache, an SSO session cookie, and the decisions the
 * knobs make (ask for the second factor? emit the MFA claim? how to sign?).
 */
abstract class IdpServer extends Party {
    static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    static final String PASSWORD_METHOD = "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password";
    private static final SecureRandom RANDOM = new SecureRandom();

    protected final Directory dir;
    protected final Directory.IdpInfo idp;
    protected final String base;
    protected final String loginSrf;
    protected final Clock clock;
    protected final SigningKey key;
    protected final SigningKey wrongKey;
    protected final OtpVerifier otp;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    protected final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** An SSO session: who signed in, whether the second factor was done, and when. */
    static final class Session {
        final String upn;
        volatile boolean mfaDone;
        final Instant authInstant;

        Session(String upn, Instant authInstant) {
            this.upn = upn;
            this.authInstant = authInstant;
        }
    }

    /** A sign-in request in progress at the IdP (AD FS's {@code Context}); {@link #user} is set after the password. */
    static final class Pending {
        final String replyTo;
        final String relay;
        final String requestId;
        final boolean mfaAsked;
        final boolean fresh;
        final String username;
        final Instant created;
        volatile Directory.UserInfo user;
        volatile Session session;

        Pending(String replyTo, String relay, String requestId, boolean mfaAsked, boolean fresh, String username,
                Instant created) {
            this.replyTo = replyTo;
            this.relay = relay;
            this.requestId = requestId;
            this.mfaAsked = mfaAsked;
            this.fresh = fresh;
            this.username = username;
            this.created = created;
        }
    }

    IdpServer(Directory dir, Directory.IdpInfo idp, String base, String loginSrf, Clock clock, SigningKey key,
              SigningKey wrongKey) {
        this.dir = dir;
        this.idp = idp;
        this.base = base;
        this.loginSrf = loginSrf;
        this.clock = clock;
        this.key = key;
        this.wrongKey = wrongKey;
        this.otp = new OtpVerifier(clock);
    }

    /** The user if it belongs to a domain federated to this IdP. */
    Optional<Directory.UserInfo> user(String name) {
        return dir.user(name).filter(u -> u.domain().idp() != null && u.domain().idp().id().equals(idp.id()));
    }

    abstract String sessionCookieName();

    Optional<Session> session(Request r) {
        return r.cookie(sessionCookieName()).map(sessions::get)
                .filter(s -> s.authInstant.plus(SESSION_LIFETIME).isAfter(clock.instant()));
    }

    Session newSession(Request r, String upn) {
        String id = token();
        Session s = new Session(upn, clock.instant());
        sessions.put(id, s);
        CookieImpl c = new CookieImpl(sessionCookieName(), id);
        c.setPath("/");
        c.setSecure(true);
        c.setHttpOnly(true);
        c.setSameSiteMode("None");
        r.exchange().setResponseCookie(c);
        return s;
    }

    String newPending(String replyTo, String relay, String requestId, boolean mfaAsked, boolean fresh, String username) {
        Instant cutoff = clock.instant().minus(Duration.ofMinutes(30));
        pending.values().removeIf(p -> p.created.isBefore(cutoff));
        String id = token();
        pending.put(id, new Pending(replyTo, relay, requestId, mfaAsked, fresh, username, clock.instant()));
        return id;
    }

    /** Whether this IdP asks its second factor for this request (the {@code secondFactor} and ignore knobs). */
    static boolean wantsSecondFactor(Directory.Knobs k, boolean mfaAsked) {
        return switch (k.secondFactor()) {
            case ALWAYS -> true;
            case ON_REQUEST -> mfaAsked && !k.ignoreMfaRequest();
            case NEVER -> false;
        };
    }

    /** Whether the response claims MFA (the {@code claimMfa} knob: honest, false positive, or never). */
    static boolean claimsMfa(Directory.Knobs k, boolean mfaDone) {
        if (k.mfaClaim() == Directory.ClaimPlacement.NONE) {
            return false;
        }
        return switch (k.claimMfa()) {
            case WHEN_DONE -> mfaDone;
            case ALWAYS -> true;
            case NEVER -> false;
        };
    }

    /** Signs {@code element} as the {@code signature} knob says (or leaves it unsigned). */
    void sign(Directory.Knobs k, Element element, String idAttribute, Node insertBefore) {
        switch (k.signature()) {
            case NONE -> {
            }
            case RSA_SHA256 -> XmlSigner.rsaSha256(key).sign(element, idAttribute, insertBefore);
            case RSA_SHA1 -> XmlSigner.rsaSha256(key).withAlgorithm(XmlSigner.Algorithm.RSA_SHA1)
                    .sign(element, idAttribute, insertBefore);
            case WRONG_KEY -> XmlSigner.rsaSha256(wrongKey).sign(element, idAttribute, insertBefore);
        }
    }

    /** The assertion's validity window: now to now + lifetime, or an hour in the past for the {@code expired} knob. */
    Instant[] window(Directory.Knobs k) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (k.expired()) {
            return new Instant[] {now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))};
        }
        return new Instant[] {now.minus(Duration.ofMinutes(1)), now.plusSeconds(dir.lifetimes().assertionSeconds())};
    }

    /** The password page (the IdP's own markup). */
    abstract String passwordPage(String context, String username, String error);

    /** The second-factor page: a distinct path ending in {@code /mfa} with the field {@code totpCode}. */
    abstract String totpPage(String context, String upn, String error);

    /** Builds, signs and auto-posts the response for the signed-in user. */
    abstract void respond(Request r, Pending p, Directory.UserInfo u, Session s);

    /**
     * Serves the metadata this IdP's operator publishes ({@link IdpMetadata}) for the domain named by {@code ?domain=},
     * or for the first domain federated to it: an IdP serving several domains with different IssuerUris publishes one
     * document per entityID. 404 for a domain that is not federated here.
     */
    void metadata(Request r) {
        List<Directory.DomainInfo> mine = dir.domainsOf(idp);
        String wanted = r.param("domain").orElse(null);
        Optional<Directory.DomainInfo> d = wanted == null ? mine.stream().findFirst()
                : mine.stream().filter(x -> x.name().equalsIgnoreCase(wanted)).findFirst();
        if (d.isEmpty()) {
            Html.sendText(r.exchange(), 404, name() + ": " + (wanted == null ? "no domain is federated here"
                    : "the domain " + wanted + " is not federated here") + "\n");
            return;
        }
        r.exchange().getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE,
                "application/samlmetadata+xml; charset=utf-8");
        r.exchange().getResponseSender().send(IdpMetadata.of(d.get(), base, key.certificate()), StandardCharsets.UTF_8);
    }

    /** Starts a request: SSO when a session exists and no fresh password is needed, else the password page. */
    void begin(Request r, String context, Pending p) {
        Optional<Session> s = session(r).filter(x -> !p.fresh);
        if (s.isPresent()) {
            Directory.UserInfo u = user(s.get().upn).orElse(null);
            if (u != null) {
                p.user = u;
                afterPassword(r, context, p, s.get());
                return;
            }
        }
        Html.sendHtml(r.exchange(), 200, passwordPage(context, p.username, null));
    }

    /** The password step. */
    void password(Request r, String context, Pending p, String username, String password) {
        Directory.UserInfo u = username == null ? null : user(username).orElse(null);
        if (u == null || password == null || !MessageDigest.isEqual(
                password.getBytes(StandardCharsets.UTF_8),
                u.password().getBytes(StandardCharsets.UTF_8))) {
            Html.sendHtml(r.exchange(), 200, passwordPage(context, username,
                    "Incorrect user ID or password. Type the correct user ID and password, and try again."));
            return;
        }
        p.user = u;
        afterPassword(r, context, p, newSession(r, u.upn()));
    }

    private void afterPassword(Request r, String context, Pending p, Session s) {
        Directory.Knobs k = p.user.domain().knobs();
        if (wantsSecondFactor(k, p.mfaAsked) && !s.mfaDone) {
            p.session = s;
            Html.sendHtml(r.exchange(), 200, totpPage(context, p.user.upn(), null));
            return;
        }
        pending.remove(context);
        respond(r, p, p.user, s);
    }

    /** The second-factor step. */
    void totp(Request r, String context, Pending p, String code) {
        Session s = p.session;
        if (p.user == null || s == null) {
            Html.sendText(r.exchange(), 400, name() + ": no sign-in awaits a code\n");
            return;
        }
        OtpVerifier.Result res = otp.verify(p.user.upn(), p.user.totpSeed(), code);
        if (res != OtpVerifier.Result.ACCEPTED) {
            Html.sendHtml(r.exchange(), 200, totpPage(context, p.user.upn(),
                    res == OtpVerifier.Result.REPLAYED ? "This code was already used. Wait for the next one."
                            : "The code is not correct. Try again."));
            return;
        }
        s.mfaDone = true;
        pending.remove(context);
        respond(r, p, p.user, s);
    }

    static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
