package org.mfaharness.scenario.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mfaharness.scenario.browser.BrowserFactory;
import org.mfaharness.scenario.browser.BrowserKind;

/**
 * Manual mode watches while a person signs in. Here the "person" is a page that approves itself after 1.5 s (a
 * script timer), in headless Chromium: no display is needed for the watching itself.
 */
class ManualModeTest {
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

    SignInContext ctx() {
        return SignInContext.builder().progress(progress::add).build();
    }

    @Test
    void manualModeOpensAVisibleBrowserWithTheFactorysOtherSettings() {
        BrowserFactory.Options headless = BrowserFactory.Options.chromium().withTrustedSpkiPin("pin=");

        BrowserFactory.Options visible = ManualMode.browserOptions(headless);

        assertThat(visible.headless()).isFalse();
        assertThat(visible.kind()).isEqualTo(BrowserKind.CHROMIUM);
        assertThat(visible.trustedSpkiPin()).isEqualTo("pin=");
        @SuppressWarnings("unchecked")
        List<String> args = (List<String>) ((java.util.Map<String, Object>) BrowserFactory
                .chromeOptions(visible, java.nio.file.Path.of("/tmp/p")).asMap().get("goog:chromeOptions")).get("args");
        assertThat(args).doesNotContain("--headless=new")
                .contains("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
    }

    @Test
    void itWaitsWithGuidanceUntilThePageCompletesByItself() {
        ManualMode manual = ManualMode.defaults().guidance("approve the push on your phone")
                .timeout(Duration.ofSeconds(20)).reminderEvery(Duration.ofMillis(500));
        long start = System.nanoTime();

        SignInResult r = manual.watch(browsers.fresh(BrowserKind.CHROMIUM).driver(), server.base() + "/misc/push",
                ctx(), Until.urlStartsWith(server.base() + "/app/callback"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1200));
        assertThat(r.finalUrl()).isEqualTo(server.base() + "/app/callback");
        assertThat(r.steps()).containsExactly("the page moved to " + server.base() + "/misc/push");
        assertThat(progress.get(0)).isEqualTo("manual sign-in: approve the push on your phone (waiting up to 20 s "
                + "until the browser reached " + server.base() + "/app/callback)");
        assertThat(progress).anyMatch(l -> l.startsWith("still waiting after ") && l.endsWith(" s: approve the push on your phone"));
        assertThat(progress.get(progress.size() - 1)).startsWith("manual sign-in done after ");
        assertThat(server.posts).isEmpty();
    }

    @Test
    void itGivesUpAfterItsTimeoutNamingTheLastPage() {
        ManualMode manual = ManualMode.defaults().timeout(Duration.ofSeconds(1));

        SignInFailedException e = catchThrowableOfType(SignInFailedException.class, () -> manual.watch(
                browsers.fresh(BrowserKind.CHROMIUM).driver(), server.base() + "/misc/unknown?code=x", ctx(),
                Until.urlStartsWith(server.base() + "/app/callback")));

        assertThat(e.kind()).isEqualTo(SignInFailedException.Kind.TIMEOUT);
        assertThat(e.getMessage()).isEqualTo("nobody completed the sign-in within 1 s (waiting until the browser "
                + "reached " + server.base() + "/app/callback); last page " + server.base() + "/misc/unknown");
    }

    @Test
    void itStillRecognisesAnEntraErrorPage() {
        SignInFailedException e = catchThrowableOfType(SignInFailedException.class, () -> ManualMode.defaults()
                .timeout(Duration.ofSeconds(10)).watch(browsers.fresh(BrowserKind.CHROMIUM).driver(),
                        server.base() + "/entra/error", ctx(), Until.urlStartsWith(server.base() + "/app/callback")));

        assertThat(e.aadstsCode()).hasValue(50079);
    }
}
