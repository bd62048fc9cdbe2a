package org.mfaharness.scenario.driver;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Recognises pages that end a sign-in, in this order:
 * <ol>
 *   <li>Entra's error page: a visible {@code #service_exception_message} (its text starts {@code AADSTSnnnnn:});
 *       the code also from {@code #errorCode};</li>
 *   <li>Entra's refusals on the sign-in form itself: a visible {@code #usernameError} or {@code #passwordError}
 *       (unknown user, wrong password: typing the same value again cannot help);</li>
 *   <li>any page showing {@code AADSTSnnnnn} in its visible text with no field to type into (error pages whose
 *       markup differs, e.g. rendered by script);</li>
 *   <li>an IdP or MFA-provider error page: a visible {@code #errorText} (AD FS, the lab's IdPs and EAM provider) on a
 *       page with no field to type into, or next to a visible password field (the IdP refused the password); the
 *       code from {@code #errorCode} (e.g. {@code MSIS7007}). An {@code #errorText} on a one-time-code page is not
 *       terminal: the responders type the next code.</li>
 * </ol>
 * Texts are shortened and redacted before they reach a message.
 */
final class ErrorPages {
    static final Pattern AADSTS = Pattern.compile("\\bAADSTS(\\d{4,9})\\b");
    private static final Pattern IDP_CODE = Pattern.compile("\\b([A-Z]{2,8}\\d{3,6})\\b");
    private static final int MAX_TEXT = 300;

    private ErrorPages() {
    }

    /** The failure this page represents, or empty when the sign-in can go on. */
    static Optional<SignInFailedException> detect(WebDriver d, SignInContext ctx) {
        String url = Pages.withoutQuery(Pages.url(d));
        Optional<WebElement> service = Pages.visibleId(d, "service_exception_message");
        if (service.isPresent()) {
            String text = service.get().getText();
            Optional<Integer> code = aadsts(text).or(() -> Pages.visibleId(d, "errorCode").flatMap(e -> aadsts(e.getText())));
            return Optional.of(entra(url, code, text, ctx));
        }
        for (String id : new String[] {"usernameError", "passwordError"}) {
            Optional<WebElement> e = Pages.visibleId(d, id);
            if (e.isPresent() && !e.get().getText().isBlank()) {
                String text = e.get().getText();
                return Optional.of(entra(url, aadsts(text), text, ctx));
            }
        }
        boolean typable = !Pages.allVisible(d, Pages.TEXT_INPUTS).isEmpty();
        if (!typable) {
            String body = Pages.bodyText(d);
            Matcher m = AADSTS.matcher(body);
            if (m.find()) {
                return Optional.of(entra(url, Optional.of(Integer.parseInt(m.group(1))), lineAround(body, m.start()), ctx));
            }
        }
        Optional<WebElement> errorText = Pages.visibleId(d, "errorText");
        if (errorText.isPresent() && !errorText.get().getText().isBlank()) {
            boolean passwordShown = Pages.visible(d, By.cssSelector("input[type=password]")).isPresent();
            if (!typable || passwordShown) {
                String text = shorten(ctx.redact(errorText.get().getText()));
                Optional<String> code = Pages.visibleId(d, "errorCode").map(WebElement::getText)
                        .map(IDP_CODE::matcher).filter(Matcher::find).map(m -> m.group(1));
                String what = passwordShown ? "the identity provider refused the sign-in" : "the page shows an error";
                return Optional.of(SignInFailedException.errorPage(url, code.orElse(null),
                        what + " at " + url + code.map(c -> " (" + c + ")").orElse("") + ": " + text));
            }
        }
        return Optional.empty();
    }

    private static SignInFailedException entra(String url, Optional<Integer> code, String text, SignInContext ctx) {
        String shown = shorten(ctx.redact(text));
        if (code.isEmpty()) {
            return SignInFailedException.errorPage(url, null, "Entra refused the sign-in at " + url + ": " + shown);
        }
        return SignInFailedException.entraError(url, code.get(), "Entra answered AADSTS" + code.get() + " at " + url
                + ": " + shown);
    }

    static Optional<Integer> aadsts(String text) {
        Matcher m = AADSTS.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static String lineAround(String body, int at) {
        int start = body.lastIndexOf('\n', at) + 1;
        int end = body.indexOf('\n', at);
        return body.substring(start, end < 0 ? body.length() : end);
    }

    private static String shorten(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT) + "…";
    }
}
