package org.mfaharness.scenario.driver;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.htmlunit.HtmlUnitWebElement;

/** Page helpers the drivers share: visibility, typing, form buttons, URLs without secrets, page fingerprints. */
final class Pages {
    /** Input types a person types into (not hidden, buttons, checkboxes, files). */
    static final By TEXT_INPUTS = By.cssSelector("input:not([type]), input[type=text], input[type=email], "
            + "input[type=password], input[type=tel], input[type=number], input[type=search]");
    /** The submit controls of a form. */
    private static final By SUBMITS = By.cssSelector("input[type=submit], button[type=submit], button:not([type]), "
            + "input[type=image]");
    /**
     * HtmlUnit with CSS off (as the browser factory opens it) calls every element displayed; an element is hidden
     * there when it or an ancestor carries the {@code hidden} attribute or an inline {@code display:none} /
     * {@code visibility:hidden} (which is how scripts hide views).
     */
    private static final By HIDDEN_ANCESTOR = By.xpath("./ancestor-or-self::*[@hidden"
            + " or contains(translate(@style, ' ', ''), 'display:none')"
            + " or contains(translate(@style, ' ', ''), 'visibility:hidden')]");

    private Pages() {
    }

    /** The first displayed element matching {@code by}. */
    static Optional<WebElement> visible(SearchContext in, By by) {
        for (WebElement e : in.findElements(by)) {
            if (shown(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** All displayed elements matching {@code by}. */
    static List<WebElement> allVisible(SearchContext in, By by) {
        return in.findElements(by).stream().filter(Pages::shown).toList();
    }

    static Optional<WebElement> visibleId(SearchContext in, String id) {
        return visible(in, By.id(id));
    }

    /** Whether a person would see the element (stale elements are not shown). */
    static boolean shown(WebElement e) {
        try {
            if (!e.isDisplayed()) {
                return false;
            }
            if (e instanceof HtmlUnitWebElement) {
                return e.findElements(HIDDEN_ANCESTOR).isEmpty();
            }
            return true;
        } catch (StaleElementReferenceException gone) {
            return false;
        }
    }

    /** Clears the field and types {@code value} into it. */
    static void type(WebElement field, Secret value) {
        field.clear();
        field.sendKeys(value.reveal());
    }

    /** Types the sign-in's password into {@code field} and records that it was typed. */
    static void typePassword(WebElement field, SignInContext ctx) {
        type(field, ctx.password().orElseThrow());
        ctx.typingPassword();
    }

    /**
     * On a page that asks for both at once (AD FS, Okta): types the user name into {@code userId} when the page shows
     * it and the sign-in has one, then the password; returns what was done ("typed the user name into U, the password
     * into P"), naming fields, never values.
     */
    static String typeUserAndPassword(WebDriver d, String userId, WebElement password, String passwordId, SignInContext ctx) {
        StringBuilder did = new StringBuilder("typed ");
        Optional<WebElement> user = visibleId(d, userId);
        if (user.isPresent() && ctx.upn().isPresent()) {
            type(user.get(), ctx.upn().get());
            did.append("the user name into ").append(userId).append(", ");
        }
        typePassword(password, ctx);
        return did.append("the password into ").append(passwordId).toString();
    }

    /** How descriptions name an element: its id, else its name, else its tag. */
    static String label(WebElement e) {
        String id = e.getDomAttribute("id");
        if (id != null && !id.isBlank()) {
            return id;
        }
        String name = e.getDomAttribute("name");
        if (name != null && !name.isBlank()) {
            return "[name=" + name + "]";
        }
        return e.getTagName();
    }

    /** The form an element belongs to. */
    static Optional<WebElement> form(WebElement e) {
        List<WebElement> f = e.findElements(By.xpath("./ancestor::form[1]"));
        return f.isEmpty() ? Optional.empty() : Optional.of(f.get(0));
    }

    /** The displayed submit control of the form around {@code field}. */
    static Optional<WebElement> submitOf(WebElement field) {
        return form(field).flatMap(f -> visible(f, SUBMITS));
    }

    /** The browser's current URL, or "" while it has none. */
    static String url(WebDriver d) {
        try {
            String u = d.getCurrentUrl();
            return u == null ? "" : u;
        } catch (WebDriverException e) {
            return "";
        }
    }

    /** {@code url} without query and fragment, where codes, state and hints travel; "(no page)" for none. */
    static String withoutQuery(String url) {
        if (url == null || url.isEmpty()) {
            return "(no page)";
        }
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || u.getRawAuthority() == null) {
                return u.getScheme() == null ? "(unrecognised URL)" : u.getScheme() + ":";
            }
            return u.getScheme() + "://" + u.getRawAuthority() + (u.getRawPath() == null ? "" : u.getRawPath());
        } catch (URISyntaxException e) {
            int cut = indexOfAny(url, '?', '#');
            return cut < 0 ? "(unrecognised URL)" : url.substring(0, cut);
        }
    }

    /** The origin ({@code scheme://host:port}) of {@code url}: the party whose TOTP replay cache a code lands in. */
    static String origin(String url) {
        try {
            URI u = new URI(url);
            return u.getScheme() + "://" + u.getRawAuthority();
        } catch (URISyntaxException | NullPointerException e) {
            return url;
        }
    }

    /** The visible text of the page body, or "" while there is none. */
    static String bodyText(WebDriver d) {
        try {
            List<WebElement> body = d.findElements(By.tagName("body"));
            return body.isEmpty() ? "" : body.get(0).getText();
        } catch (WebDriverException e) {
            return "";
        }
    }

    /** The page title (redact before showing). */
    static String title(WebDriver d) {
        try {
            String t = d.getTitle();
            return t == null ? "" : t.strip();
        } catch (WebDriverException e) {
            return "";
        }
    }

    /**
     * What makes a page "the same page" for stall detection: the URL without query, the visible text and the
     * visible input fields, hashed (so no page text is kept).
     */
    static String fingerprint(WebDriver d) {
        StringBuilder b = new StringBuilder(withoutQuery(url(d))).append('\n').append(bodyText(d));
        try {
            for (WebElement e : allVisible(d, TEXT_INPUTS)) {
                b.append('\n').append(label(e));
            }
        } catch (WebDriverException e) {
            b.append("\n(changing)");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SignInFailedException.of(SignInFailedException.Kind.TIMEOUT, null, "the sign-in was interrupted");
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
