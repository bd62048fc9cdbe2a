package org.mfaharness.scenario.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mfaharness.scenario.browser.Browser;
import org.mfaharness.scenario.browser.BrowserFactory;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.remote.UnreachableBrowserException;

/**
 * For MFA a program cannot answer (a push approved on a phone, a hardware key): a visible browser where a person
 * signs in while the harness only watches. It prints the guidance, waits (up to a long timeout) until the caller's
 * goal holds (the redirect, or the proxy saw the token), reports each page change and a reminder now and then, and
 * still recognises terminal error pages. It types nothing.
 *
 * <p>Open the browser with {@link #open(BrowserFactory.Options)}: the project's factory, with every safety flag,
 * just not headless. Immutable and thread-safe.
 */
public final class ManualMode {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_REMINDER = Duration.ofSeconds(30);
    public static final String DEFAULT_GUIDANCE = "sign in in the browser window; approve the push on your phone "
            + "when asked";
    static final long POLL_MILLIS = 250;

    private final String guidance;
    private final Duration timeout;
    private final Duration reminderEvery;

    private ManualMode(String guidance, Duration timeout, Duration reminderEvery) {
        this.guidance = guidance;
        this.timeout = timeout;
        this.reminderEvery = reminderEvery;
    }

    /** Manual mode with the default guidance, timeout and reminder. */
    public static ManualMode defaults() {
        return new ManualMode(DEFAULT_GUIDANCE, DEFAULT_TIMEOUT, DEFAULT_REMINDER);
    }

    /** Another guidance line, e.g. {@code approve the Duo push on your phone}. */
    public ManualMode guidance(String g) {
        if (g == null || g.isBlank()) {
            throw new IllegalArgumentException("guidance must not be empty");
        }
        return new ManualMode(g.strip(), timeout, reminderEvery);
    }

    public ManualMode timeout(Duration d) {
        return new ManualMode(guidance, positive(d), reminderEvery);
    }

    public ManualMode reminderEvery(Duration d) {
        return new ManualMode(guidance, timeout, positive(d));
    }

    /** The browser options for manual mode: {@code o}, not headless. */
    public static BrowserFactory.Options browserOptions(BrowserFactory.Options o) {
        return o.withHeadless(false);
    }

    /** Opens a visible browser through the project's factory (needs a display). */
    public static Browser open(BrowserFactory.Options o) {
        return BrowserFactory.open(browserOptions(o));
    }

    /** Opens {@code startUrl}, then {@link #watch(WebDriver, SignInContext, Until)}. */
    public SignInResult watch(WebDriver browser, String startUrl, SignInContext ctx, Until until) {
        try {
            browser.get(startUrl);
        } catch (NoSuchSessionException | UnreachableBrowserException e) {
            throw lost(startUrl, e);
        } catch (WebDriverException e) {
            // A slow or redirected first load: watch whatever the browser shows.
        }
        return watch(browser, ctx, until);
    }

    /** Waits until {@code until} holds while a person signs in. */
    public SignInResult watch(WebDriver browser, SignInContext ctx, Until until) {
        Objects.requireNonNull(until, "until");
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        ctx.deadline(deadline);
        ctx.progress("manual sign-in: " + guidance + " (waiting up to " + timeout.toSeconds() + " s until "
                + until.description() + ")");
        List<String> pages = new ArrayList<>();
        String lastUrl = null;
        long nextReminder = start + reminderEvery.toNanos();
        while (true) {
            String url;
            try {
                // The URL is read before the condition is tested: a page that reaches the goal between the two
                // reads is then the final page, not one more step the person went through.
                url = Pages.withoutQuery(browser.getCurrentUrl());
                if (until.holds(browser)) {
                    String last = Pages.withoutQuery(Pages.url(browser));
                    ctx.progress("manual sign-in done after " + Duration.ofNanos(System.nanoTime() - start)
                            .toSeconds() + " s: " + until.description());
                    return new SignInResult(pages, last, Duration.ofNanos(System.nanoTime() - start));
                }
                Optional<SignInFailedException> error = ErrorPages.detect(browser, ctx);
                if (error.isPresent()) {
                    throw error.get();
                }
            } catch (NoSuchSessionException | UnreachableBrowserException e) {
                throw lost(lastUrl, e);
            } catch (SignInFailedException e) {
                throw e;
            } catch (WebDriverException e) {
                Pages.sleep(POLL_MILLIS);
                continue;
            }
            if (!url.equals(lastUrl)) {
                lastUrl = url;
                pages.add("the page moved to " + url);
                ctx.progress("manual sign-in: now at " + url);
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                throw SignInFailedException.of(SignInFailedException.Kind.TIMEOUT, url, "nobody completed the sign-in "
                        + "within " + timeout.toSeconds() + " s (waiting until " + until.description() + "); last page "
                        + url);
            }
            if (now >= nextReminder) {
                nextReminder = now + reminderEvery.toNanos();
                ctx.progress("still waiting after " + Duration.ofNanos(now - start).toSeconds() + " s: " + guidance);
            }
            Pages.sleep(POLL_MILLIS);
        }
    }

    private static SignInFailedException lost(String url, WebDriverException e) {
        String where = Pages.withoutQuery(url);
        return SignInFailedException.of(SignInFailedException.Kind.BROWSER, where,
                "the browser window was closed or lost (" + e.getClass().getSimpleName() + ") at " + where);
    }

    private static Duration positive(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the duration must be positive");
        }
        return d;
    }

    @Override
    public String toString() {
        return "ManualMode[timeout " + timeout.toSeconds() + " s, reminder every " + reminderEvery.toSeconds() + " s]";
    }
}
