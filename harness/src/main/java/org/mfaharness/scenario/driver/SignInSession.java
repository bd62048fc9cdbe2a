package org.mfaharness.scenario.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.remote.UnreachableBrowserException;

/**
 * Drives a browser through a sign-in until a goal ({@link Until}) holds. Each step, in this order:
 * <ol>
 *   <li>the goal holds: done, a {@link SignInResult};</li>
 *   <li>the overall {@linkplain Builder#timeout timeout} passed: {@link SignInFailedException.Kind#TIMEOUT};</li>
 *   <li>the page is a terminal error page (Entra's {@code #service_exception_message} / {@code AADSTSnnnnn}, a refused
 *       user name or password, an IdP's {@code #errorText}): {@link SignInFailedException.Kind#ERROR_PAGE} carrying
 *       the AADSTS number or the IdP's code;</li>
 *   <li>the drivers are asked in order; the first that acts wins, and the session emits one progress line
 *       ({@code step 3 at https://host/path: typed the password into i0118 and clicked idSIButton9});</li>
 *   <li>after a submitting action it waits (at most {@link #STEP_TIMEOUT}) until the
 *       document, the URL or the visible page changes;</li>
 *   <li>when drivers acted {@link #MAX_REPEATS} times on the very same page, or no driver recognised an
 *       unchanging page for the {@linkplain Builder#unrecognisedTimeout unrecognised-page limit}:
 *       {@link SignInFailedException.Kind#STALLED}, naming the URL (never the page source).</li>
 * </ol>
 * Pages the drivers do not know but that move on by themselves (auto-posting forms, redirects) are simply waited
 * for. Immutable and thread-safe: one session may run many sign-ins, each with its own browser and context.
 */
public final class SignInSession {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    /** How long to wait for the page to change after a submit before looking at it again. */
    public static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_UNRECOGNISED_TIMEOUT = Duration.ofSeconds(20);
    /** How many times drivers may act on the very same page before the sign-in counts as stalled. */
    public static final int MAX_REPEATS = 3;
    static final long POLL_MILLIS = 100;

    private final List<SignInDriver> drivers;
    private final Until until;
    private final Duration timeout;
    private final Duration unrecognisedTimeout;

    private SignInSession(Builder b) {
        this.drivers = List.copyOf(b.drivers);
        this.until = Objects.requireNonNull(b.until, "until: the session needs a goal");
        this.timeout = b.timeout;
        this.unrecognisedTimeout = b.unrecognisedTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SignInSession}; only {@link #until} is required (drivers default to {@link Drivers#defaults()}). */
    public static final class Builder {
        private List<SignInDriver> drivers = Drivers.defaults();
        private Until until;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration unrecognisedTimeout = DEFAULT_UNRECOGNISED_TIMEOUT;

        private Builder() {
        }

        /** The drivers, asked in this order on every page. */
        public Builder drivers(List<? extends SignInDriver> d) {
            this.drivers = List.copyOf(d);
            return this;
        }

        /** The goal. */
        public Builder until(Until u) {
            this.until = Objects.requireNonNull(u);
            return this;
        }

        /** The limit for the whole sign-in. */
        public Builder timeout(Duration d) {
            this.timeout = positive(d, "timeout");
            return this;
        }

        /** How long a page no driver recognises may stay unchanged. */
        public Builder unrecognisedTimeout(Duration d) {
            this.unrecognisedTimeout = positive(d, "unrecognisedTimeout");
            return this;
        }

        public SignInSession build() {
            return new SignInSession(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }
    }

    /** Opens {@code startUrl} and drives the sign-in from there. */
    public SignInResult run(WebDriver browser, String startUrl, SignInContext ctx) {
        ctx.progress("opening " + Pages.withoutQuery(startUrl));
        try {
            browser.get(startUrl);
        } catch (NoSuchSessionException | UnreachableBrowserException e) {
            throw lost(startUrl, e);
        } catch (WebDriverException e) {
            // A page-load timeout or a navigation interrupted by a redirect: look at whatever the browser shows.
        }
        return run(browser, ctx);
    }

    /** Drives the sign-in from the browser's current page until the goal holds. */
    public SignInResult run(WebDriver browser, SignInContext ctx) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        ctx.deadline(deadline);
        List<String> steps = new ArrayList<>();
        String repeatedPage = null;
        int repeats = 0;
        String idlePage = null;
        long idleSince = 0;
        String lastWaiting = null;
        String lastBrowserError = null;
        while (true) {
            if (until.holds(browser)) {
                String last = Pages.withoutQuery(Pages.url(browser));
                ctx.progress("done after " + steps.size() + " step(s): " + until.description());
                return new SignInResult(steps, last, Duration.ofNanos(System.nanoTime() - start));
            }
            long now = System.nanoTime();
            String url = Pages.withoutQuery(Pages.url(browser));
            if (now >= deadline) {
                throw SignInFailedException.of(SignInFailedException.Kind.TIMEOUT, url, "the sign-in did not finish "
                        + "within " + timeout.toSeconds() + " s (waiting until " + until.description() + "); last page "
                        + url + lastStep(steps));
            }
            String page;
            WebElement root;
            Optional<Action> action = Optional.empty();
            String actor = null;
            try {
                Optional<SignInFailedException> error = ErrorPages.detect(browser, ctx);
                if (error.isPresent()) {
                    throw error.get();
                }
                page = Pages.fingerprint(browser);
                if (page.equals(repeatedPage) && repeats >= MAX_REPEATS) {
                    throw SignInFailedException.of(SignInFailedException.Kind.STALLED, url, "the sign-in is stuck: the "
                            + "page at " + url + " came back unchanged after " + repeats + " attempts" + lastStep(steps));
                }
                root = browser.findElements(By.tagName("html")).stream().findFirst().orElse(null);
                for (SignInDriver d : drivers) {
                    action = d.act(browser, ctx);
                    if (action.isPresent()) {
                        actor = d.name();
                        break;
                    }
                }
            } catch (NoSuchSessionException | UnreachableBrowserException e) {
                throw lost(url, e);
            } catch (StaleElementReferenceException | NoSuchElementException | ElementNotInteractableException e) {
                // The page changed under the driver (an auto-post, a script re-rendering): look again.
                lastBrowserError = e.getClass().getSimpleName();
                Pages.sleep(POLL_MILLIS);
                continue;
            } catch (SignInFailedException e) {
                throw e;
            } catch (WebDriverException e) {
                lastBrowserError = e.getClass().getSimpleName();
                Pages.sleep(POLL_MILLIS);
                continue;
            }
            if (action.isEmpty() || action.get().effect() == Action.Effect.WAITING) {
                if (action.isPresent()) {
                    idlePage = null;
                    if (!action.get().description().equals(lastWaiting)) {
                        lastWaiting = action.get().description();
                        ctx.progress("waiting at " + url + ": " + lastWaiting);
                    }
                } else if (!page.equals(idlePage)) {
                    idlePage = page;
                    idleSince = now;
                } else if (now - idleSince >= unrecognisedTimeout.toNanos()) {
                    String title = ctx.redact(Pages.title(browser));
                    throw SignInFailedException.of(SignInFailedException.Kind.STALLED, url, "no sign-in driver "
                            + "recognised the page at " + url + (title.isEmpty() ? "" : " (title '" + title + "')")
                            + " for " + unrecognisedTimeout.toSeconds() + " s" + lastStep(steps)
                            + (lastBrowserError == null ? "" : "; last browser error: " + lastBrowserError));
                }
                Pages.sleep(POLL_MILLIS);
                continue;
            }
            idlePage = null;
            lastWaiting = null;
            String description = action.get().description();
            steps.add(description);
            ctx.progress("step " + steps.size() + " at " + url + ": " + description + " [" + actor + "]");
            if (action.get().effect() == Action.Effect.SUBMITTED) {
                if (page.equals(repeatedPage)) {
                    repeats++;
                } else {
                    repeatedPage = page;
                    repeats = 1;
                }
                awaitChange(browser, root, page, Math.min(deadline, System.nanoTime() + STEP_TIMEOUT.toNanos()));
            }
        }
    }

    /** Waits until the document is replaced, the URL or the visible page changes, the goal holds, or the limit. */
    private void awaitChange(WebDriver browser, WebElement root, String page, long limit) {
        String url = Pages.url(browser);
        while (System.nanoTime() < limit) {
            if (until.holds(browser)) {
                return;
            }
            try {
                if (root != null) {
                    root.getTagName();
                }
                if (!Pages.url(browser).equals(url) || !Pages.fingerprint(browser).equals(page)) {
                    return;
                }
            } catch (StaleElementReferenceException e) {
                return;
            } catch (NoSuchSessionException | UnreachableBrowserException e) {
                throw lost(Pages.withoutQuery(url), e);
            } catch (WebDriverException e) {
                // Navigating: keep polling.
            }
            Pages.sleep(POLL_MILLIS);
        }
    }

    private static SignInFailedException lost(String url, WebDriverException e) {
        return SignInFailedException.of(SignInFailedException.Kind.BROWSER, Pages.withoutQuery(url),
                "the browser session was lost (" + e.getClass().getSimpleName() + ") at " + Pages.withoutQuery(url));
    }

    private static String lastStep(List<String> steps) {
        return steps.isEmpty() ? "; no step was taken" : "; last step: " + steps.get(steps.size() - 1);
    }
}
