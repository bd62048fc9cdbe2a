package org.mfaharness.scenario;

import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.Prompt;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.capture.LiveCapture;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.lab.Lab;
import org.mfaharness.lab.LabUser;
import org.mfaharness.proxy.ca.CertificateAuthority;
import org.mfaharness.proxy.redact.RedactionPolicy;
import org.mfaharness.report.RunFolder;
import org.mfaharness.report.RunInfo;
import org.mfaharness.report.RunReport;
import org.mfaharness.scenario.browser.Browser;
import org.mfaharness.scenario.browser.BrowserFactory;
import org.mfaharness.scenario.browser.BrowserKind;
import org.mfaharness.scenario.driver.DeclarativeDriver;
import org.mfaharness.scenario.driver.ManualMode;
import org.mfaharness.scenario.driver.Drivers;
import org.mfaharness.scenario.driver.Secret;
import org.mfaharness.scenario.driver.SignInContext;
import org.mfaharness.scenario.driver.SignInFailedException;
import org.mfaharness.scenario.driver.SignInDriver;
import org.mfaharness.scenario.driver.SignInSession;
import org.mfaharness.scenario.driver.Until;
import org.mfaharness.totp.Totp;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.chain.ChainJudge;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.TrustMaterial;

/**
 * Runs one scenario the way a partner's tooling would: the proxy starts (recording a redacted HAR into the run
 * folder), a browser opens through it, MSAL4J — whose HTTP goes through the proxy too — acquires the token
 * interactively (the {@code OpenBrowserAction} drives the Selenium browser, never {@code java.awt.Desktop}) or with
 * the device-code flow, then optionally redeems the refresh token for another scope, calls a customer tenant on
 * behalf of the partner, and calls Partner Center. Everything the proxy saw is judged as a chain and written as a
 * run folder. Thread-safe: scenarios may run in parallel, each with its own proxy and browser.
 */
public final class ScenarioRunner {
    /** How long a sign-in may take before it is abandoned. */
    public static final Duration SIGN_IN_TIMEOUT = Duration.ofSeconds(120);
    static final Duration SETTLE = Duration.ofSeconds(5);

    /**
     * Where and how scenarios run.
     *
     * @param lab         the embedded lab (named mode), or null for real tenants
     * @param browser     which browser
     * @param grid        the WebDriver endpoint for {@link BrowserKind#REMOTE}, or null
     * @param reportsDir  where run folders go
     * @param trust       trust material for judging (the lab's own keys when a lab runs)
     * @param version     the tool version, for reports
     * @param progress    one line per step (stderr)
     * @param manual      a visible browser in which a person signs in (push approval on a phone); the harness only
     *                    watches the traffic and waits for the token
     */
    public record Environment(Lab lab, BrowserKind browser, java.net.URL grid, Path reportsDir, TrustMaterial trust,
                              String version, Consumer<String> progress, boolean manual) {
        /** An automated (not manual) environment. */
        public Environment(Lab lab, BrowserKind browser, java.net.URL grid, Path reportsDir, TrustMaterial trust,
                           String version, Consumer<String> progress) {
            this(lab, browser, grid, reportsDir, trust, version, progress, false);
        }
    }

    private final Environment env;

    public ScenarioRunner(Environment env) {
        this.env = env;
    }

    /** Resolves the user's secrets, before anything starts; a missing secret is a {@link ScenarioException}. */
    public ResolvedUser resolve(Scenario s, Map<String, String> environment) throws ScenarioException {
        String where = (s.file() == null ? s.name() : s.file().toString()) + ": user.";
        Path base = s.file() == null ? null : s.file().toAbsolutePath().getParent();
        boolean againstLab = env.lab() != null && s.cloud().equals("lab");
        LabUser labUser = againstLab ? env.lab().user(s.user().upn()).orElse(null) : null;
        if (againstLab && labUser == null && (isLab(s.user().password()) || isLab(s.user().totpSeed()))) {
            throw new ScenarioException(where + "upn: the lab has no user " + s.user().upn() + ", so its 'lab' secrets do not"
                    + " exist (docs/lab.md, 'The default matrix', lists the built-in lab's users; 'mfa-harness lab --serve'"
                    + " prints the users of any configuration)");
        }
        Secret pw = s.user().password() == null ? null : s.user().password().resolve(environment, base,
                () -> labUser == null ? null : labUser.password(), where + "password");
        Secret seed = s.user().totpSeed() == null ? null : s.user().totpSeed().resolve(environment, base,
                () -> labUser == null ? null : labUser.totpSeed(), where + "totpSeed");
        if (seed != null) {
            try {
                Totp.fromBase32(seed.reveal());
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(where + "totpSeed: not a Base32 TOTP seed");
            }
        }
        if (s.cloud().equals("lab") && env.lab() == null) {
            throw new ScenarioException(where.replace("user.", "") + "cloud: lab needs the embedded lab (mfa-harness lab)");
        }
        return new ResolvedUser(s.user().upn(), pw, seed);
    }

    private static boolean isLab(SecretRef r) {
        return r != null && r.kind() == SecretRef.Kind.LAB;
    }

    /** Runs the scenario. */
    public RunOutcome run(Scenario s, ResolvedUser user) throws IOException {
        Instant started = Instant.now();
        Path dir = RunFolder.create(env.reportsDir(), s.name(), started);
        CloudProfile cloud = env.lab() != null && s.cloud().equals("lab") ? env.lab().cloud()
                : CloudProfile.named(s.cloud()).orElseThrow();
        String authorityBase = s.authority() != null ? stripSlash(s.authority()) : "https://" + cloud.loginHost();
        String scope = s.scope() != null ? s.scope() : cloud.partnerCenterResource() + "/user_impersonation";
        Consumer<String> say = line -> env.progress().accept("[" + s.name() + "] " + line);
        Path har = dir.resolve(RunFolder.HAR);
        String flowError = null;
        List<String> notes = new ArrayList<>();
        try (LiveCapture capture = LiveCapture.start(b -> configureProxy(b, har, user, cloud), new ArtifactDetector(cloud, null),
                found -> found.forEach(a -> say.accept("captured " + a.kind().label()
                        + (a.origin().field() == null ? "" : " (" + a.origin().field() + ")") + " at hop " + a.origin().hop())))) {
            CertificateAuthority ca = capture.proxy().certificateAuthority();
            say.accept("proxy on " + capture.address().getPort() + ", browser " + env.browser().name().toLowerCase(java.util.Locale.ROOT));
            BrowserFactory.Options bo = browserOptions(capture.address(), ca);
            try (Browser browser = env.manual() ? ManualMode.open(bo) : BrowserFactory.open(bo)) {
                flowError = tokenFlows(s, user, cloud, authorityBase, scope, capture, ca, browser, say, notes);
            } catch (RuntimeException e) {
                flowError = "the browser could not be used: " + oneLine(e.getMessage());
            }
            List<org.mfaharness.artifact.Artifact> artifacts = capture.artifacts(SETTLE);
            capture.close();
            JudgeOptions o = new JudgeOptions(Instant.now(), JudgeOptions.DEFAULT_CLOCK_SKEW, null, cloud, env.trust(), null, null);
            ChainJudgement c = new ChainJudge(o).judge(artifacts);
            RunInfo run = new RunInfo(s.name(), env.lab() != null ? "lab" : "run", cloud.name(), s.tenant(), null,
                    s.file() == null ? s.name() : s.file().toString(), started, Instant.now(), o.at(), "default");
            Duration took = Duration.between(started, Instant.now());
            RunFolder.write(dir, new RunReport(run, c, env.trust(), har, took.toMillis()), env.version());
            List<String> mismatches = new ArrayList<>(s.expect().mismatches(c, flowError));
            say.accept("verdict " + c.verdict() + ", mfa " + c.mfa() + ", by " + c.mfaBy().label()
                    + (mismatches.isEmpty() ? " — as expected" : " — NOT as expected: " + String.join("; ", mismatches)));
            return new RunOutcome(s, c, mismatches, dir, flowError, took);
        }
    }

    private void configureProxy(org.mfaharness.proxy.InterceptingProxy.Builder b, Path har, ResolvedUser user, CloudProfile cloud) {
        RedactionPolicy.Builder policy = RedactionPolicy.builder();
        if (user.password() != null) {
            policy.secretValue(user.password().reveal());
        }
        if (user.totpSeed() != null) {
            // Codes are computed by the drivers as they go; scrub every code of the next ten minutes by value too.
            Totp totp = Totp.fromBase32(user.totpSeed().reveal());
            long now = totp.counterAt(Instant.now());
            for (long c = now - 2; c <= now + 20; c++) {
                policy.secretValue(totp.codeForCounter(c));
            }
        }
        b.port(0).harFile(har).redaction(policy.build()).shutdownHook(false).creatorVersion(env.version());
        if (env.lab() != null) {
            env.lab().hostMap().forEach((name, addr) -> b.map(name + "=" + addr.getHostString() + ":" + addr.getPort()));
            b.upstreamCa(env.lab().caCertificateFile());
        } else {
            b.upstreamAny(true);
        }
    }

    private BrowserFactory.Options browserOptions(InetSocketAddress proxy, CertificateAuthority ca) {
        BrowserFactory.Options o = BrowserFactory.Options.chromium().withProxy(proxy);
        return switch (env.browser()) {
            case CHROMIUM -> o.withTrustedSpkiPin(ca.leafSpkiPin());
            // HtmlUnit cannot pin a key: in the lab it accepts the proxy's certificates (the lab CA signs no real name).
            case HTMLUNIT -> o.withKind(BrowserKind.HTMLUNIT, null).withAcceptInsecureCerts(env.lab() != null);
            case REMOTE -> o.withKind(BrowserKind.REMOTE, env.grid()).withTrustedSpkiPin(ca.leafSpkiPin());
        };
    }

    /** Runs the token flows; returns why they stopped early, or null. */
    private String tokenFlows(Scenario s, ResolvedUser user, CloudProfile cloud, String authorityBase, String scope,
                              LiveCapture capture, CertificateAuthority ca, Browser browser, Consumer<String> say,
                              List<String> notes) {
        PublicClientApplication app;
        try {
            app = PublicClientApplication.builder(s.clientId())
                    .authority(authorityBase + "/" + s.tenant() + "/")
                    .instanceDiscovery(env.lab() == null)
                    .proxy(new Proxy(Proxy.Type.HTTP, capture.address()))
                    .sslSocketFactory(ca.clientSslContext().getSocketFactory())
                    .build();
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            return "the authority " + authorityBase + "/" + s.tenant() + "/ is not valid: " + oneLine(e.getMessage());
        }
        SignInContext.Builder ctxb = SignInContext.builder().upn(Secret.of(user.upn())).progress(say);
        if (user.password() != null) {
            ctxb.password(user.password());
        }
        if (user.totpSeed() != null) {
            ctxb.totpSeed(user.totpSeed());
        }
        List<SignInDriver> drivers = Drivers.withSteps(DeclarativeDriver.fromMaps(s.steps()));
        IAuthenticationResult first;
        try {
            first = s.flow() == Scenario.Flow.DEVICE_CODE
                    ? deviceCode(app, scope, browser, drivers, ctxb, say)
                    : interactive(app, scope, user, browser, drivers, ctxb.build(), say);
        } catch (FlowException e) {
            say.accept("the sign-in stopped: " + e.getMessage());
            return e.getMessage();
        }
        say.accept("token acquired for " + scope);
        IAuthenticationResult pcToken = scope.startsWith(cloud.partnerCenterResource()) ? first : null;
        IAccount account = first.account();
        try {
            if (s.refresh() != null) {
                say.accept("redeeming the refresh token for " + s.refresh().scope());
                IAuthenticationResult r = app.acquireTokenSilently(SilentParameters.builder(Set.of(s.refresh().scope()), account)
                        .forceRefresh(true).build()).get(60, TimeUnit.SECONDS);
                if (s.refresh().scope().startsWith(cloud.partnerCenterResource())) {
                    pcToken = r;
                }
            }
            if (s.callPartnerCenter() && pcToken != null) {
                call(cloud.partnerCenterApi() + "/v1/customers", pcToken.accessToken(), capture, ca, say);
            }
            if (s.aobo() != null) {
                say.accept("admin on behalf of tenant " + s.aobo().tenant() + " for " + s.aobo().scope());
                IAuthenticationResult r = app.acquireTokenSilently(SilentParameters.builder(Set.of(s.aobo().scope()), account)
                        .authorityUrl(authorityBase + "/" + s.aobo().tenant() + "/").forceRefresh(true).build())
                        .get(60, TimeUnit.SECONDS);
                if (s.aobo().call() != null) {
                    call(s.aobo().call(), r.accessToken(), capture, ca, say);
                }
            }
        } catch (ExecutionException e) {
            String m = oneLine(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            say.accept("a follow-up token request failed: " + m);
            return m;
        } catch (TimeoutException | java.net.MalformedURLException e) {
            return "a follow-up token request did not finish: " + oneLine(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    private IAuthenticationResult interactive(PublicClientApplication app, String scope, ResolvedUser user, Browser browser,
                                              List<SignInDriver> drivers, SignInContext ctx, Consumer<String> say) throws FlowException {
        AtomicReference<RuntimeException> signInFailure = new AtomicReference<>();
        SystemBrowserOptions browserOptions = SystemBrowserOptions.builder().openBrowserAction(url -> {
            try {
                if (env.manual()) {
                    say.accept("manual mode: sign in in the browser window; the harness waits for the token");
                    ManualMode.defaults().watch(browser.driver(), url.toString(), ctx, Until.redirectUriOf(url.toString()));
                } else {
                    SignInSession.builder().drivers(drivers).until(Until.redirectUriOf(url.toString())).timeout(SIGN_IN_TIMEOUT)
                            .build().run(browser.driver(), url.toString(), ctx);
                }
            } catch (RuntimeException e) {
                signInFailure.set(e);
            }
        }).build();
        try {
            Duration wait = env.manual() ? ManualMode.DEFAULT_TIMEOUT : SIGN_IN_TIMEOUT;
            InteractiveRequestParameters p = InteractiveRequestParameters.builder(new URI("http://localhost"))
                    .scopes(Set.of(scope)).prompt(Prompt.LOGIN).loginHint(user.upn()).systemBrowserOptions(browserOptions)
                    .httpPollingTimeoutInSeconds((int) wait.toSeconds()).build();
            say.accept("interactive sign-in (MSAL4J, " + scope + ")");
            return await(app.acquireToken(p), signInFailure, wait);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private IAuthenticationResult deviceCode(PublicClientApplication app, String scope, Browser browser, List<SignInDriver> drivers,
                                             SignInContext.Builder ctxb, Consumer<String> say) throws FlowException {
        AtomicReference<RuntimeException> signInFailure = new AtomicReference<>();
        DeviceCodeFlowParameters p = DeviceCodeFlowParameters.builder(Set.of(scope), dc -> {
            say.accept("device code issued; completing it at " + dc.verificationUri());
            Thread t = new Thread(() -> {
                try {
                    SignInSession.builder().drivers(drivers).until(Until.visible(org.openqa.selenium.By.id("deviceAuthDone")))
                            .timeout(SIGN_IN_TIMEOUT).build()
                            .run(browser.driver(), dc.verificationUri(), ctxb.deviceCode(Secret.of(dc.userCode())).build());
                } catch (RuntimeException e) {
                    signInFailure.set(e);
                }
            }, "device-login");
            t.setDaemon(true);
            t.start();
        }).build();
        say.accept("device-code sign-in (MSAL4J, " + scope + ")");
        return await(app.acquireToken(p), signInFailure, SIGN_IN_TIMEOUT);
    }

    /** Waits for MSAL, giving up as soon as the browser's sign-in failed (MSAL would wait for its own timeout). */
    private static IAuthenticationResult await(CompletableFuture<IAuthenticationResult> f, AtomicReference<RuntimeException> failure,
                                               Duration limit) throws FlowException {
        long deadline = System.nanoTime() + limit.plusSeconds(30).toNanos();
        while (true) {
            RuntimeException e = failure.get();
            if (e != null) {
                f.cancel(true);
                throw new FlowException(e instanceof SignInFailedException sf ? sf.getMessage() : oneLine(e.getMessage()));
            }
            try {
                return f.get(250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException te) {
                if (System.nanoTime() > deadline) {
                    f.cancel(true);
                    throw new FlowException("the sign-in did not finish within " + limit.plusSeconds(30).toSeconds() + " s");
                }
            } catch (ExecutionException ee) {
                Throwable c = ee.getCause() == null ? ee : ee.getCause();
                throw new FlowException(oneLine(c.getMessage()));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new FlowException("interrupted");
            }
        }
    }

    private static void call(String url, String token, LiveCapture capture, CertificateAuthority ca, Consumer<String> say) {
        try {
            HttpClient client = HttpClient.newBuilder().proxy(java.net.ProxySelector.of(capture.address()))
                    .sslContext(ca.clientSslContext()).connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            say.accept("GET " + url + " → " + r.statusCode());
        } catch (IOException | IllegalArgumentException e) {
            say.accept("GET " + url + " failed: " + oneLine(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static String oneLine(String s) {
        return s == null ? "(no message)" : s.replaceAll("\\s+", " ").trim();
    }

    /** The token flow stopped: the message is one line, fit for the table. */
    static final class FlowException extends Exception {
        private static final long serialVersionUID = 1L;

        FlowException(String message) {
            super(message);
        }
    }
}
