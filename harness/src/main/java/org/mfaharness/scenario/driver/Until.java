package org.mfaharness.scenario.driver;

import java.util.Objects;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * When a sign-in is done: a test on the browser (or on anything else, such as "the proxy saw the token") with a
 * description for messages. A test that throws a {@link WebDriverException} (the page is changing) counts as false.
 *
 * @param description e.g. {@code the browser reached http://localhost:5123/}
 * @param test        the condition
 */
public record Until(String description, Predicate<WebDriver> test) {
    public Until {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(test, "test");
    }

    /**
     * Done when the current URL is {@code prefix} or below it (e.g. the app's loopback redirect URI): the URL starts
     * with the prefix and goes on, if at all, with {@code /}, {@code ?} or {@code #} (so {@code http://localhost:5123}
     * is not reached by {@code http://localhost:51234/}).
     */
    public static Until urlStartsWith(String prefix) {
        Objects.requireNonNull(prefix);
        return new Until("the browser reached " + Pages.withoutQuery(prefix), d -> atOrBelow(Pages.url(d), prefix));
    }

    static boolean atOrBelow(String url, String prefix) {
        if (!url.startsWith(prefix)) {
            return false;
        }
        if (url.length() == prefix.length() || prefix.endsWith("/") || prefix.endsWith("?")) {
            return true;
        }
        char next = url.charAt(prefix.length());
        return next == '/' || next == '?' || next == '#';
    }

    /**
     * Done when the browser reaches the {@code redirect_uri} of an authorization request URL (what an MSAL
     * {@code OpenBrowserAction} is handed): the redirect then carries the code or the error.
     */
    public static Until redirectUriOf(String authorizationUrl) {
        String query = java.net.URI.create(authorizationUrl).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals("redirect_uri")) {
                    return urlStartsWith(java.net.URLDecoder.decode(pair.substring(eq + 1),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        throw new IllegalArgumentException("the authorization URL has no redirect_uri parameter");
    }

    /** Done when an element matching {@code by} is displayed (e.g. the device login's {@code #deviceAuthDone}). */
    public static Until visible(By by) {
        return new Until("the page shows " + by, d -> Pages.visible(d, by).isPresent());
    }

    /** Whether the condition holds now. */
    public boolean holds(WebDriver d) {
        try {
            return test.test(d);
        } catch (WebDriverException e) {
            return false;
        }
    }
}
