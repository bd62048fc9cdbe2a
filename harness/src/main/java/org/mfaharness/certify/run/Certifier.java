package org.mfaharness.certify.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.capture.LiveCapture;
import org.mfaharness.certify.Certification;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyException;
import org.mfaharness.certify.Delivery;
import org.mfaharness.certify.EamTarget;
import org.mfaharness.certify.FederationTarget;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.ModuleResult;
import org.mfaharness.certify.Overall;
import org.mfaharness.certify.report.CertificationFolder;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.lab.web.Html;
import org.mfaharness.proxy.InterceptingProxy;
import org.mfaharness.proxy.ca.CaOptions;
import org.mfaharness.proxy.ca.CertificateAuthority;
import org.mfaharness.proxy.files.PrivateFiles;
import org.mfaharness.proxy.redact.RedactionPolicy;
import org.mfaharness.report.RunFolder;
import org.mfaharness.scenario.browser.Browser;
import org.mfaharness.scenario.browser.BrowserFactory;
import org.mfaharness.scenario.browser.BrowserKind;
import org.mfaharness.scenario.driver.DeclarativeDriver;
import org.mfaharness.scenario.driver.Drivers;
import org.mfaharness.scenario.driver.Secret;
import org.mfaharness.scenario.driver.SignInContext;
import org.mfaharness.scenario.driver.SignInDriver;
import org.mfaharness.scenario.driver.SignInFailedException;
import org.mfaharness.scenario.driver.SignInSession;
import org.mfaharness.scenario.driver.Until;
import org.mfaharness.totp.Totp;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.chain.ChainJudge;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.EamDiscovery;
import org.mfaharness.verify.trust.TrustMaterial;

/**
 * Runs one plan against one target with the harness as Entra. In order: the stand-in Entra endpoints start on
 * loopback (certificate for the cloud's sign-in host from a fresh CA) and the proxy starts with a host map that sends
 * that host to them (so the IdP's POST to login.srf, or the provider's form_post, arrives at the harness and never at
 * Microsoft); the metadata is read (URLs through the proxy); then, when a test user is given, a real browser through
 * the proxy drives the plan's sign-ins; the capture is judged by the verdict engine, sign-in by sign-in; the plan's
 * modules conclude; and the run folder is written (result.json, index.html, junit.xml, capture.har, evidence.zip,
 * certificate.html). Nothing listens on a non-loopback address unless {@code publish} asks for it with
 * {@code allowRemote}. Thread-safe: runs may proceed in parallel, each with its own proxy, endpoints and browser.
 */
public final class Certifier {
    /** How long one sign-in may take. */
    public static final Duration SIGN_IN_TIMEOUT = Duration.ofSeconds(90);
    static final Duration SETTLE = Duration.ofSeconds(5);
    static final String MULTIPLEAUTHN = "http://schemas.microsoft.com/claims/multipleauthn";
    static final String EAM_CLAIMS = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"possessionorinherence\"]},"
            + "\"amr\":{\"essential\":true,\"values\":[\"face\",\"fido\",\"fpt\",\"hwk\",\"iris\",\"otp\",\"pop\",\"retina\","
            + "\"sc\",\"sms\",\"swk\",\"tel\",\"vbm\"]}}}";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a run produced. */
    public record Result(Certification certification, Path runDir) {
    }

    private final CertifyOptions o;

    public Certifier(CertifyOptions options) {
        this.o = options;
    }

    /** A leg as it ran, before judging. */
    private record Pending(LegName name, Instant started, Instant finished, Map<String, String> sent, int from, int to,
                           List<Delivery> deliveries, List<String> steps, boolean typedPassword, boolean typedCode,
                           String failure, String failureKind) {
    }

    public Result run() throws CertifyException, IOException {
        Instant started = Instant.now();
        CloudProfile cloud = o.cloud();
        String plan = o.plan().name();
        Consumer<String> say = line -> o.progress().accept("[" + plan + "] " + line);
        Path tmp = Files.createTempDirectory("mfa-harness-certify-");
        try {
            CertificateAuthority ca = CertificateAuthority.generate(CaOptions.forRun());
            EntraStandIn standIn = o.standIn() != null ? o.standIn() : EntraStandIn.generate();
            String loginHost = URI.create(cloud.loginSrf()).getHost();
            FederationTarget fed = null;
            EamTarget eam = null;
            List<Pending> pending = new ArrayList<>();
            List<Artifact> all;
            String liveNotRun = null;
            List<String> notes = new ArrayList<>();
            try (EntraEndpoints entra = EntraEndpoints.start(cloud, standIn, ca.serverSslContext(loginHost));
                 LiveCapture capture = LiveCapture.start(b -> configureProxy(b, tmp.resolve(RunFolder.HAR), ca, loginHost, entra.port()),
                         new ArtifactDetector(cloud, null), null)) {
                MetadataLoader loader = new MetadataLoader(capture.address(), ca.clientSslContext());
                if (plan.equals("eam")) {
                    eam = loader.eam(o.metadata(), o.clientId());
                    if (o.publish() != null) {
                        String url = entra.publish(o.publish(), o.publishUrl(), o.allowRemote());
                        notes.add("The stand-in Entra's discovery document and keys were published at " + url + ".");
                    }
                    if (o.lab() != null && o.labTrusts()) {
                        o.lab().trustEamHintKeys(standIn.jwksJson());
                        notes.add("The lab's EAM providers were told to trust the stand-in Entra's keys (as a vendor points a test "
                                + "instance at " + entra.discoveryUrl() + ").");
                    }
                } else {
                    fed = loader.federation(o.metadata());
                }
                say.accept("playing Entra at " + entra.base() + " (loopback port " + entra.port() + ", via the proxy on port "
                        + capture.address().getPort() + ")");
                liveNotRun = whyNoLive(fed, eam);
                if (liveNotRun == null) {
                    try (Browser browser = BrowserFactory.open(browserOptions(capture, ca))) {
                        if (eam != null) {
                            eamLegs(eam, entra, standIn, capture, browser, pending, say);
                        } else {
                            federatedLegs(fed, entra, capture, browser, pending, say);
                        }
                    } catch (RuntimeException e) {
                        liveNotRun = "The browser could not be used: " + oneLine(e.getMessage());
                        say.accept(liveNotRun);
                    }
                } else {
                    say.accept(liveNotRun);
                }
                all = capture.artifacts(SETTLE);
            }
            TrustMaterial trust = eam != null
                    ? new TrustMaterial(List.of(), null, standIn.trustedKeys(), eam.keys(), new EamDiscovery(eam.discoveryUrl(), eam.document()))
                    : new TrustMaterial(fed.certificates(), fed.entityId(), List.of(), List.of(), null);
            JudgeOptions options = new JudgeOptions(Instant.now(), JudgeOptions.DEFAULT_CLOCK_SKEW, null, cloud, trust, null, null);
            ChainJudge judge = new ChainJudge(options);
            List<Leg> legs = new ArrayList<>();
            for (Pending p : pending) {
                // Each sign-in is judged at the time it ended, as Entra judges a response when it arrives.
                ChainJudgement prefix = new ChainJudge(options.at(p.finished())).judge(all.subList(0, p.to()));
                Set<Artifact> own = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                own.addAll(all.subList(p.from(), p.to()));
                List<ArtifactJudgement> hops = prefix.hops().stream().filter(h -> own.contains(h.artifact())).toList();
                legs.add(new Leg(p.name(), p.started(), p.finished(), p.sent(), all.subList(p.from(), p.to()), hops, prefix,
                        p.deliveries(), p.steps(), p.typedPassword(), p.typedCode(), p.failure(), p.failureKind()));
            }
            CertificationEvidence evidence = new CertificationEvidence(plan, cloud, options, fed, eam, legs, liveNotRun);
            List<ModuleResult> results = o.plan().evaluate(evidence);
            if (liveNotRun != null) {
                notes.add(0, "Live modules could not run: " + liveNotRun);
            }
            legs.stream().filter(l -> !l.completed()).forEach(l -> notes.add("The " + l.label() + " sign-in did not complete: " + l.failure()));
            Certification c = new Certification(plan, o.plan().displayName(), o.plan().version(), product(fed, eam), o.metadata(),
                    cloud.name(), started, Instant.now(), results, Overall.of(results), notes, o.version());
            ChainJudgement whole = judge.judge(all);
            Path dir = RunFolder.create(o.out(), "certify-" + plan + "-" + c.product(), started);
            try {
                CertificationFolder.write(dir, c, whole, trust, Files.exists(tmp.resolve(RunFolder.HAR)) ? tmp.resolve(RunFolder.HAR) : null,
                        options.at());
            } catch (IOException | RuntimeException e) {
                PrivateFiles.deleteTreeQuietly(dir); // a new folder: no half-written run is left behind (latest still points at the last whole one)
                throw e;
            }
            say.accept(c.overall().label() + " (" + c.count(org.mfaharness.certify.Outcome.PASS) + " passed, "
                    + c.count(org.mfaharness.certify.Outcome.WARN) + " warned, " + c.count(org.mfaharness.certify.Outcome.FAIL)
                    + " failed, " + c.count(org.mfaharness.certify.Outcome.NOT_RUN) + " not run); report " + dir.resolve(CertificationFolder.CERTIFICATE));
            return new Result(c, dir);
        } finally {
            PrivateFiles.deleteTreeQuietly(tmp);
        }
    }

    private String product(FederationTarget fed, EamTarget eam) {
        if (o.product() != null && !o.product().isBlank()) {
            return o.product().strip();
        }
        String p = fed != null ? fed.entityId() : eam.string("issuer");
        return p == null || p.isBlank() ? o.metadata() : p;
    }

    private String whyNoLive(FederationTarget fed, EamTarget eam) {
        if (o.user() == null) {
            return "no --scenario was given, so no test user signed in; only the metadata modules ran.";
        }
        if (fed != null) {
            String ep = o.plan().name().equals("wsfed") ? fed.passiveEndpoint() : fed.ssoRedirectEndpoint();
            if (ep == null || !ep.startsWith("https://")) {
                return "the metadata names no https " + (o.plan().name().equals("wsfed") ? "PassiveRequestorEndpoint" : "HTTP-Redirect SingleSignOnService")
                        + " to send the sign-in to.";
            }
            return null;
        }
        if (eam.string("authorization_endpoint") == null || !eam.string("authorization_endpoint").startsWith("https://")) {
            return "the discovery document names no https authorization_endpoint to send the authorize request to.";
        }
        if (o.clientId() == null) {
            return "no client_id of the provider's Entra application was given (--client-id).";
        }
        if (o.user().tenantId() == null || o.user().objectId() == null) {
            return "the test user's tenant id and object id are needed for the id_token_hint (--tenant-id, --user-object-id).";
        }
        return null;
    }

    private void configureProxy(InterceptingProxy.Builder b, Path har, CertificateAuthority ca, String loginHost, int entraPort) {
        RedactionPolicy.Builder policy = RedactionPolicy.builder();
        TestUser u = o.user();
        if (u != null && u.password() != null) {
            policy.secretValue(u.password().reveal());
        }
        if (u != null && u.totpSeed() != null) {
            // The drivers compute codes as they go: scrub every code of the next ten minutes by value too.
            Totp totp = Totp.fromBase32(u.totpSeed().reveal());
            long now = totp.counterAt(Instant.now());
            for (long c = now - 2; c <= now + 20; c++) {
                policy.secretValue(totp.codeForCounter(c));
            }
        }
        b.port(0).harFile(har).certificateAuthority(ca).redaction(policy.build()).shutdownHook(false).creatorVersion(o.version())
                .map(loginHost + "=127.0.0.1:" + entraPort).upstreamCa(ca.certificate());
        if (o.lab() != null) {
            o.lab().hostMap().forEach((name, addr) -> {
                if (!name.equals(loginHost)) {
                    b.map(name + "=" + addr.getHostString() + ":" + addr.getPort());
                }
            });
            b.upstreamCa(o.lab().caCertificateFile());
        } else {
            b.upstreamAny(true);
        }
    }

    private BrowserFactory.Options browserOptions(LiveCapture capture, CertificateAuthority ca) {
        BrowserFactory.Options b = BrowserFactory.Options.chromium().withProxy(capture.address());
        return o.browser() == BrowserKind.HTMLUNIT
                // HtmlUnit cannot pin a key: in the lab it accepts the proxy's certificates (the lab CA signs no real name).
                ? b.withKind(BrowserKind.HTMLUNIT, null).withAcceptInsecureCerts(o.lab() != null)
                : b.withTrustedSpkiPin(ca.leafSpkiPin());
    }

    // ---------------------------------------------------------------- WS-Fed and SAML 2.0

    private void federatedLegs(FederationTarget fed, EntraEndpoints entra, LiveCapture capture, Browser browser, List<Pending> out,
                               Consumer<String> say) throws IOException {
        boolean wsfed = o.plan().name().equals("wsfed");
        Until arrived = Until.urlStartsWith(o.cloud().loginSrf());
        for (LegName n : List.of(LegName.NO_STEP_UP, LegName.STEP_UP, LegName.FRESH)) {
            boolean stepUp = n != LegName.NO_STEP_UP;
            boolean fresh = n == LegName.FRESH;
            Map<String, String> sent = new LinkedHashMap<>();
            String url;
            if (wsfed) {
                String wctx = "mfa-harness-certify:" + token(18);
                sent.put("wctx", wctx);
                url = wsFedUrl(fed.passiveEndpoint(), wctx, stepUp, fresh);
            } else {
                String id = "_" + UUID.randomUUID();
                String relay = token(18);
                sent.put("AuthnRequest ID", id);
                sent.put("RelayState", relay);
                url = saml2Url(fed.ssoRedirectEndpoint(), id, relay, stepUp, fresh);
            }
            say.accept(n.label() + ": " + n.description());
            out.add(leg(n, url, arrived, sent, userContext(), browser, capture, entra, say));
        }
    }

    String wsFedUrl(String endpoint, String wctx, boolean stepUp, boolean fresh) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("wa", "wsignin1.0");
        q.put("wtrealm", CloudProfile.MICROSOFT_ONLINE_AUDIENCE);
        q.put("wctx", wctx);
        q.put("wreply", o.cloud().loginSrf());
        if (stepUp) {
            q.put("wauth", MULTIPLEAUTHN);
        }
        if (fresh) {
            q.put("wfresh", "0");
        }
        q.put("username", o.user().upn());
        return Html.withQuery(endpoint, q);
    }

    /** The AuthnRequest in the shape of Microsoft's sample (Issuer urn:federation:MicrosoftOnline, persistent NameIDPolicy). */
    static String authnRequest(String id, Instant now, boolean stepUp, boolean force) {
        return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"" + id + "\" IssueInstant=\""
                + DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)) + "\" Version=\"2.0\" AssertionConsumerServiceIndex=\"0\""
                + (force ? " ForceAuthn=\"true\"" : "") + ">"
                + "<saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + CloudProfile.MICROSOFT_ONLINE_AUDIENCE + "</saml:Issuer>"
                + "<samlp:NameIDPolicy Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\"/>"
                + (stepUp ? "<samlp:RequestedAuthnContext Comparison=\"exact\"><saml:AuthnContextClassRef xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
                        + MULTIPLEAUTHN + "</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>" : "")
                + "</samlp:AuthnRequest>";
    }

    static String saml2Url(String endpoint, String id, String relay, boolean stepUp, boolean force) {
        byte[] xml = authnRequest(id, Instant.now(), stepUp, force).getBytes(StandardCharsets.UTF_8);
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(xml);
        d.finish();
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            bo.write(buf, 0, d.deflate(buf));
        }
        d.end();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("SAMLRequest", Base64.getEncoder().encodeToString(bo.toByteArray()));
        q.put("RelayState", relay);
        return Html.withQuery(endpoint, q);
    }

    // ---------------------------------------------------------------- EAM

    private void eamLegs(EamTarget eam, EntraEndpoints entra, EntraStandIn standIn, LiveCapture capture, Browser browser,
                         List<Pending> out, Consumer<String> say) throws IOException {
        TestUser u = o.user();
        Until arrived = Until.urlStartsWith(o.cloud().eamRedirectUri());
        for (LegName n : List.of(LegName.EAM, LegName.EAM_DENIAL)) {
            Map<String, String> sent = new LinkedHashMap<>();
            String nonce = token(24);
            String state = token(24);
            sent.put("nonce", nonce);
            sent.put("state", state);
            sent.put("Entra metadata", entra.discoveryUrl());
            Map<String, String> f = new LinkedHashMap<>();
            f.put("scope", "openid");
            f.put("response_type", "id_token");
            f.put("response_mode", "form_post");
            f.put("client_id", o.clientId());
            f.put("redirect_uri", o.cloud().eamRedirectUri());
            f.put("nonce", nonce);
            f.put("state", state);
            f.put("id_token_hint", standIn.hint(o.cloud(), u.tenantId(), u.objectId(), u.upn(), u.displayName(), o.clientId(), Instant.now()));
            f.put("claims", EAM_CLAIMS);
            f.put("client-request-id", UUID.randomUUID().toString());
            String start = entra.autoPost(eam.string("authorization_endpoint"), f);
            SignInContext.Builder ctx = SignInContext.builder().upn(Secret.of(u.upn()));
            if (n == LegName.EAM) {
                if (u.totpSeed() != null) {
                    ctx.totpSeed(u.totpSeed());
                }
            } else {
                // A seed the provider does not know: every code the drivers type is wrong. The codes' clock moves one time
                // step per code, so the drivers never wait for a fresh step to type the next wrong one.
                ctx.totpSeed(Secret.of(Totp.randomBase32Seed(RANDOM))).clock(new SteppingClock());
            }
            say.accept(n.label() + ": " + n.description());
            Pending p = leg(n, start, arrived, sent, ctx, browser, capture, entra, say);
            if (p.failure() != null && "ERROR_PAGE".equals(p.failureKind()) && !p.typedCode()) {
                p = new Pending(p.name(), p.started(), p.finished(), p.sent(), p.from(), p.to(), p.deliveries(), p.steps(),
                        p.typedPassword(), p.typedCode(),
                        "the provider refused the harness's authorize request before any second factor (" + p.failure() + "). If it "
                                + "validates id_token_hint only against Microsoft's keys, it cannot be certified live: point a test "
                                + "instance at the harness's Entra metadata (" + entra.discoveryUrl() + ", published with --publish) and run again.",
                        p.failureKind());
            }
            out.add(p);
            if (n == LegName.EAM && p.failure() != null && p.deliveries().isEmpty()) {
                break; // The provider cannot be driven at all: the denial sign-in would show nothing more.
            }
        }
    }

    // ---------------------------------------------------------------- one sign-in

    private SignInContext.Builder userContext() {
        TestUser u = o.user();
        SignInContext.Builder b = SignInContext.builder().upn(Secret.of(u.upn()));
        if (u.password() != null) {
            b.password(u.password());
        }
        if (u.totpSeed() != null) {
            b.totpSeed(u.totpSeed());
        }
        return b;
    }

    private Pending leg(LegName n, String startUrl, Until until, Map<String, String> sent, SignInContext.Builder ctx, Browser browser,
                        LiveCapture capture, EntraEndpoints entra, Consumer<String> say) throws IOException {
        int from = capture.artifacts(SETTLE).size();
        int delivered = entra.deliveries().size();
        List<String> steps = new ArrayList<>();
        SignInContext context = ctx.progress(line -> {
            steps.add(line);
            say.accept(n.label() + ": " + line);
        }).build();
        List<SignInDriver> drivers = Drivers.withSteps(DeclarativeDriver.fromMaps(o.user().steps()));
        Instant started = Instant.now();
        String failure = null;
        String kind = null;
        try {
            SignInSession.builder().drivers(drivers).until(until).timeout(SIGN_IN_TIMEOUT).build().run(browser.driver(), startUrl, context);
        } catch (SignInFailedException e) {
            failure = e.getMessage();
            kind = e.kind().name();
        } catch (RuntimeException e) {
            failure = "the browser failed: " + oneLine(e.getMessage());
            kind = "BROWSER";
        }
        Instant finished = Instant.now();
        int to = capture.artifacts(SETTLE).size();
        List<Delivery> all = entra.deliveries();
        if (failure != null) {
            say.accept(n.label() + ": did not complete: " + failure);
        }
        return new Pending(n, started, finished, sent, from, to, all.subList(delivered, all.size()),
                steps.stream().filter(s -> s.startsWith("step ")).toList(), context.typedPassword(), context.typedCode(),
                failure, kind);
    }

    // ---------------------------------------------------------------- helpers

    /** A clock that moves one TOTP time step each time it is read (for decoy codes only). */
    static final class SteppingClock extends java.time.Clock {
        private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
        private final Instant base = Instant.now();

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return base.plus(Totp.DEFAULT_STEP.multipliedBy(reads.getAndIncrement()));
        }
    }

    static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String oneLine(String s) {
        return s == null ? "(no message)" : s.replaceAll("\\s+", " ").trim();
    }
}
