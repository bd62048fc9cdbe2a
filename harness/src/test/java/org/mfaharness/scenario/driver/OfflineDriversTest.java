package org.mfaharness.scenario.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mfaharness.scenario.browser.BrowserKind;
import org.mfaharness.totp.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The built-in drivers and the declarative driver on hand-written pages shaped like the real ones, served on
 * loopback by {@link PageServer}, each in headless Chromium and in HtmlUnit. Every test checks what arrived at the
 * server (the posted fields) and that no progress line holds a secret.
 */
class OfflineDriversTest {
    static final String UPN = "megan@fabrikam.example";
    static final String PASSWORD = "Offline-Pa55!word";
    static final String DEVICE_CODE = "GH7KQ2XLP";
    static final String SEED = Totp.randomBase32Seed(new SecureRandom());

    static PageServer server;
    static TestBrowsers browsers;
    final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = new PageServer(SEED);
        browsers = new TestBrowsers();
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void clear() {
        server.posts.clear();
        server.eamUsedCounters.clear();
    }

    SignInContext ctx() {
        return SignInContext.builder().upn(Secret.of(UPN)).password(Secret.of(PASSWORD)).totpSeed(Secret.of(SEED))
                .deviceCode(Secret.of(DEVICE_CODE)).progress(progress::add).build();
    }

    WebDriver browser(BrowserKind kind) {
        return browsers.fresh(kind).driver();
    }

    SignInSession untilCallback(List<SignInDriver> drivers) {
        return SignInSession.builder().drivers(drivers).until(Until.urlStartsWith(server.base() + "/app/callback"))
                .timeout(Duration.ofSeconds(60)).build();
    }

    static boolean isCurrentTotp(String code) {
        return Totp.fromBase32(SEED).matchingCounter(code, Instant.now(), 1) >= 0;
    }

    /** No progress line holds the password, the seed, the UPN, the device code or any of the given values. */
    void assertProgressHoldsNoSecret(String... typed) {
        assertThat(progress).isNotEmpty();
        for (String line : progress) {
            assertThat(line).doesNotContain(PASSWORD, SEED, UPN, DEVICE_CODE);
            for (String t : typed) {
                assertThat(line).doesNotContain(t);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void entraUserNamePasswordCodeAndStaySignedInReachTheApp(BrowserKind kind) {
        SignInContext ctx = ctx();
        SignInResult r = untilCallback(Drivers.defaults()).run(browser(kind),
                server.base() + "/entra/login?client_id=04b07795&login_hint=x", ctx);

        assertThat(r.steps()).as("progress %s posts %s", progress, server.posts).containsExactly(
                "typed the user name into i0116 and clicked idSIButton9",
                "typed the password into i0118 and clicked idSIButton9",
                "typed the current TOTP code into idTxtBx_SAOTCC_OTC and clicked idSubmit_SAOTCC_Continue",
                "answered No to 'Stay signed in?' (idBtn_Back)");
        assertThat(r.finalUrl()).isEqualTo(server.base() + "/app/callback");
        assertThat(ctx.typedPassword()).as("the context recorded the password typed").isTrue();
        assertThat(ctx.typedCode()).as("the context recorded the code typed").isTrue();
        PageServer.Post login = server.postsTo("/entra/login").get(0);
        assertThat(login.field("loginfmt")).isEqualTo(UPN);
        assertThat(login.field("passwd")).isEqualTo(PASSWORD);
        assertThat(login.field("flowToken")).isEqualTo("AQABAAEAAAAmoFfGtYxvRrNriQdPKIZ-kFb7");
        String otc = server.postsTo("/entra/SAS/EndAuth").get(0).field("otc");
        assertThat(isCurrentTotp(otc)).as("the posted otc is a TOTP code of the seed").isTrue();
        assertThat(server.postsTo("/entra/kmsi").get(0).field("LoginOptions")).isEqualTo("3");
        assertThat(server.posts).hasSize(3);
        assertThat(progress).anyMatch(l -> l.startsWith("step 2 at " + server.base() + "/entra/login: typed the password into i0118"));
        assertProgressHoldsNoSecret(otc);
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void entraMethodPickerChoosesTheVerificationCodeWhenThereIsASeed(BrowserKind kind) {
        SignInResult r = untilCallback(Drivers.defaults()).run(browser(kind), server.base() + "/entra/proofs", ctx());

        assertThat(r.steps()).containsExactly(
                "chose the verification-code method (data-value=PhoneAppOTP) in idDiv_SAOTCS_Proofs",
                "typed the current TOTP code into idTxtBx_SAOTCC_OTC and clicked idSubmit_SAOTCC_Continue",
                "answered No to 'Stay signed in?' (idBtn_Back)");
        assertThat(isCurrentTotp(server.postsTo("/entra/SAS/EndAuth").get(0).field("otc"))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void entraDeviceLoginTypesTheUserCode(BrowserKind kind) {
        SignInResult r = SignInSession.builder().until(Until.visible(By.id("deviceAuthDone")))
                .timeout(Duration.ofSeconds(30)).build()
                .run(browser(kind), server.base() + "/entra/device", ctx());

        assertThat(r.steps()).as("progress %s posts %s", progress, server.posts).containsExactly("typed the device code into otc and clicked idSIButton9");
        assertThat(server.postsTo("/entra/device").get(0).field("otc")).isEqualTo(DEVICE_CODE);
        assertProgressHoldsNoSecret();
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void adfsFormsThenAdditionalAuthenticationAtTheSameUrlThenTheAutoPost(BrowserKind kind) {
        SignInContext ctx = ctx();
        SignInResult r = untilCallback(Drivers.defaults()).run(browser(kind),
                server.base() + "/adfs/ls/?wa=wsignin1.0&wtrealm=urn%3afederation%3aMicrosoftOnline&username=x", ctx);
        assertThat(ctx.typedPassword()).isTrue();
        assertThat(ctx.typedCode()).isTrue();

        assertThat(r.steps()).as("progress %s posts %s", progress, server.posts).containsExactly(
                "typed the user name into userNameInput, the password into passwordInput and clicked submitButton "
                        + "(AD FS forms sign-in)",
                "typed the current TOTP code into verificationCodeInput and clicked submitButton "
                        + "(AD FS additional authentication, AuthMethod=ExampleOtpAdapter)");
        List<PageServer.Post> adfs = server.postsTo("/adfs/ls/");
        assertThat(adfs).hasSize(2);
        assertThat(adfs.get(0).fields()).containsEntry("UserName", List.of(UPN))
                .containsEntry("Password", List.of(PASSWORD)).containsEntry("AuthMethod", List.of("FormsAuthentication"));
        assertThat(adfs.get(1).field("AuthMethod")).isEqualTo("ExampleOtpAdapter");
        assertThat(adfs.get(1).field("Context")).isEqualTo("adfs-context-4f1e9b");
        assertThat(isCurrentTotp(adfs.get(1).field("VerificationCode"))).isTrue();
        assertThat(server.postsTo("/app/wsfed").get(0).field("wa")).isEqualTo("wsignin1.0");
        assertProgressHoldsNoSecret(adfs.get(1).field("VerificationCode"));
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void eamProviderPageWithUnknownIdsIsAnsweredByTheOneTimeCodeHeuristics(BrowserKind kind) {
        SignInContext ctx = ctx();
        SignInResult r = untilCallback(Drivers.defaults()).run(browser(kind), server.base() + "/eam/authorize", ctx);
        assertThat(ctx.typedCode()).isTrue();
        assertThat(ctx.typedPassword()).as("a one-time-code page takes no password").isFalse();

        assertThat(r.steps()).as("progress %s posts %s", progress, server.posts).containsExactly("typed the current TOTP code into code-entry and clicked button");
        PageServer.Post verify = server.postsTo("/eam/verify").get(0);
        assertThat(isCurrentTotp(verify.field("otp"))).isTrue();
        assertThat(verify.field("state")).isEqualTo("eam-state-77");
        assertProgressHoldsNoSecret(verify.field("otp"));
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void aCodeTheProviderAlreadyAcceptedIsFollowedByTheNextStepsCode(BrowserKind kind) {
        Totp totp = Totp.fromBase32(SEED);
        if (Math.floorMod(Instant.now().getEpochSecond(), 30) >= 27) {
            Pages.sleep(3500); // keep the burnt code current until the first attempt
        }
        long now = totp.counterAt(Instant.now());
        server.eamUsedCounters.add(now); // another sign-in used the current code at this provider

        SignInResult r = untilCallback(Drivers.defaults()).run(browser(kind), server.base() + "/eam/authorize", ctx());

        assertThat(r.steps()).containsExactly(
                "typed the current TOTP code into code-entry and clicked button",
                "typed the next time step's TOTP code into code-entry and clicked button");
        List<PageServer.Post> tries = server.postsTo("/eam/verify");
        assertThat(totp.matchingCounter(tries.get(0).field("otp"), Instant.now(), 1)).isEqualTo(now);
        assertThat(totp.matchingCounter(tries.get(1).field("otp"), Instant.now(), 1)).isEqualTo(now + 1);
        assertProgressHoldsNoSecret(tries.get(0).field("otp"), tries.get(1).field("otp"));
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void declarativeStepsSignInToAnIdpNoBuiltInKnows(BrowserKind kind) {
        DeclarativeDriver steps = DeclarativeDriver.fromMaps(List.of(
                Map.of("url-matches", "/acme/login$", "fill", Map.of("selector", "id:acme-user", "value", "${upn}")),
                Map.of("fill", Map.of("selector", "#acme-secret", "value", "${password}")),
                Map.of("click", "xpath://div[@id='acme-go']"),
                Map.of("url-matches", "/acme/verify", "wait-for", "#tok", "timeout", 10),
                Map.of("totp", "name:acme-token"),
                Map.of("click", "css:#acme-verify")));

        SignInContext ctx = ctx();
        SignInResult r = untilCallback(Drivers.withSteps(steps)).run(browser(kind), server.base() + "/acme/login", ctx);
        assertThat(ctx.typedPassword()).as("a fill with ${password} types the password").isTrue();
        assertThat(ctx.typedCode()).as("a totp step types a code").isTrue();

        assertThat(r.steps()).as("progress %s posts %s", progress, server.posts).containsExactly(
                "steps[0]: filled id:acme-user with ${upn}",
                "steps[1]: filled #acme-secret with ${password}",
                "steps[2]: clicked xpath://div[@id='acme-go']",
                "steps[3]: #tok is shown",
                "steps[4]: typed the current TOTP code into name:acme-token",
                "steps[5]: clicked css:#acme-verify");
        assertThat(server.postsTo("/acme/login").get(0).fields()).containsEntry("who", List.of(UPN))
                .containsEntry("secret", List.of(PASSWORD));
        String token = server.postsTo("/acme/verify").get(0).field("acme-token");
        assertThat(isCurrentTotp(token)).isTrue();
        assertThat(progress).anyMatch(l -> l.startsWith("waiting at " + server.base() + "/acme/verify: steps[3]: waiting for #tok"));
        assertProgressHoldsNoSecret(token);
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void entraPushApprovalIsWaitedForWithTheNumberToType(BrowserKind kind) {
        SignInResult r = untilCallback(Drivers.defaults()).run(browser(kind), server.base() + "/misc/push", ctx());

        assertThat(r.steps()).isEmpty();
        assertThat(progress).containsOnlyOnce("waiting at " + server.base() + "/misc/push: Entra asks to approve the "
                + "sign-in in the Authenticator app (number 42); approve it on the phone");
        assertThat(r.finalUrl()).isEqualTo(server.base() + "/app/callback");
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void pauseForHumanPrintsTheMessageAndWaitsUntilThePageMovesOn(BrowserKind kind) {
        DeclarativeDriver steps = DeclarativeDriver.fromMaps(List.of(
                Map.of("url-matches", "/misc/push", "pause-for-human", "Approve the push on your phone", "timeout", 20)));
        long start = System.nanoTime();

        SignInResult r = untilCallback(Drivers.withSteps(steps)).run(browser(kind), server.base() + "/misc/push", ctx());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1200));
        assertThat(progress).contains("waiting at " + server.base()
                + "/misc/push: steps[0]: pause for a person: Approve the push on your phone");
        assertThat(r.finalUrl()).isEqualTo(server.base() + "/app/callback");
    }
}
