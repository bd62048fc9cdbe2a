package org.mfaharness.scenario.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mfaharness.scenario.browser.BrowserKind;
import org.openqa.selenium.WebDriver;

/**
 * How a {@link SignInSession} ends when it cannot finish: Entra and IdP error pages become a typed
 * {@link SignInFailedException} with the code; a page nobody recognises, a page that keeps coming back and the overall
 * limit fail with a message naming the URL without its query, never the page source or a secret.
 */
class SignInSessionFailureTest {
    static final String PASSWORD = OfflineDriversTest.PASSWORD;
    static PageServer server;
    static TestBrowsers browsers;
    final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = new PageServer(OfflineDriversTest.SEED);
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
    }

    SignInContext ctx() {
        return SignInContext.builder().upn(Secret.of(OfflineDriversTest.UPN)).password(Secret.of(PASSWORD))
                .totpSeed(Secret.of(OfflineDriversTest.SEED)).progress(progress::add).build();
    }

    WebDriver browser(BrowserKind kind) {
        return browsers.fresh(kind).driver();
    }

    SignInSession.Builder session() {
        return SignInSession.builder().until(Until.urlStartsWith(server.base() + "/app/callback"));
    }

    SignInFailedException failure(BrowserKind kind, SignInSession s, String path) {
        SignInFailedException e = catchThrowableOfType(SignInFailedException.class,
                () -> s.run(browser(kind), server.base() + path, ctx()));
        assertThat(e).as("the sign-in fails").isNotNull();
        assertThat(e.getMessage()).doesNotContain(PASSWORD, OfflineDriversTest.SEED, "?", "<html", "leak");
        return e;
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void entraErrorPageFailsWithItsAadstsCode(BrowserKind kind) {
        SignInFailedException e = failure(kind, session().build(), "/entra/error?code=secret-auth-code&state=s");

        assertThat(e.kind()).isEqualTo(SignInFailedException.Kind.ERROR_PAGE);
        assertThat(e.aadstsCode()).hasValue(50079);
        assertThat(e.errorCode()).hasValue("AADSTS50079");
        assertThat(e.url()).hasValue(server.base() + "/entra/error");
        assertThat(e.getMessage()).startsWith("Entra answered AADSTS50079 at " + server.base() + "/entra/error: "
                + "AADSTS50079: Due to a configuration change made by your administrator")
                .doesNotContain("secret-auth-code");
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void errorTextRenderedByScriptIsRecognisedByItsAadstsCode(BrowserKind kind) {
        SignInFailedException e = failure(kind, session().build(), "/entra/error-converged");

        assertThat(e.kind()).isEqualTo(SignInFailedException.Kind.ERROR_PAGE);
        assertThat(e.aadstsCode()).hasValue(53003);
        assertThat(e.getMessage()).contains("Access has been blocked by Conditional Access policies");
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void adfsErrorPageFailsWithTheMsisCode(BrowserKind kind) {
        SignInFailedException e = failure(kind, session().build(), "/adfs/error");

        assertThat(e.kind()).isEqualTo(SignInFailedException.Kind.ERROR_PAGE);
        assertThat(e.errorCode()).hasValue("MSIS7007");
        assertThat(e.aadstsCode()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("the page shows an error at " + server.base() + "/adfs/error (MSIS7007): "
                + "An error occurred. Contact your administrator for more information.");
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void aPageNoDriverRecognisesStallsNamingTheUrlButNotItsSource(BrowserKind kind) {
        SignInFailedException e = failure(kind, session().unrecognisedTimeout(Duration.ofSeconds(1)).build(),
                "/misc/unknown?code=secret-auth-code");

        assertThat(e.kind()).isEqualTo(SignInFailedException.Kind.STALLED);
        assertThat(e.getMessage()).isEqualTo("no sign-in driver recognised the page at " + server.base()
                + "/misc/unknown (title 'Choose an account') for 1 s; no step was taken");
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void aPageThatComesBackUnchangedStallsAfterThreeAttempts(BrowserKind kind) {
        SignInFailedException e = failure(kind, session().build(), "/misc/loop");

        assertThat(e.kind()).isEqualTo(SignInFailedException.Kind.STALLED);
        assertThat(e.getMessage()).isEqualTo("the sign-in is stuck: the page at " + server.base() + "/misc/loop came "
                + "back unchanged after 3 attempts; last step: typed the password into i0118 and clicked idSIButton9");
        assertThat(server.postsTo("/misc/loop")).hasSize(3)
                .allSatisfy(p -> assertThat(p.field("passwd")).isEqualTo(PASSWORD));
        assertThat(progress).allSatisfy(l -> assertThat(l).doesNotContain(PASSWORD));
    }

    @ParameterizedTest
    @EnumSource(value = BrowserKind.class, names = {"CHROMIUM", "HTMLUNIT"})
    void theOverallTimeoutEndsASignInThatNeverFinishes(BrowserKind kind) {
        long start = System.nanoTime();
        SignInFailedException e = failure(kind, session().timeout(Duration.ofSeconds(2))
                .unrecognisedTimeout(Duration.ofSeconds(60)).build(), "/misc/unknown");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertThat(e.kind()).isEqualTo(SignInFailedException.Kind.TIMEOUT);
        assertThat(e.getMessage()).isEqualTo("the sign-in did not finish within 2 s (waiting until the browser reached "
                + server.base() + "/app/callback); last page " + server.base() + "/misc/unknown; no step was taken");
    }
}
