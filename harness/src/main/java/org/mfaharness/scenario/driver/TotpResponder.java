package org.mfaharness.scenario.driver;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Fills one-time-code boxes of EAM providers and IdP second-factor pages with a TOTP code from the seed. The box is,
 * in order of preference:
 * <ol>
 *   <li>the lab EAM provider's {@code #eamCodeInput} (button {@code #eamVerifyButton}) or the lab IdPs'
 *       {@code #totpCodeInput};</li>
 *   <li>the single visible text input with {@code autocomplete="one-time-code"} (the HTML standard's token for
 *       these boxes);</li>
 *   <li>the single visible text input whose id or name contains {@code otp}, {@code totp}, {@code passcode} or
 *       {@code code}.</li>
 * </ol>
 * More than one candidate, or a user-name or password field next to it, and the page is left alone (it is not a
 * plain code page). The button is the form's visible submit control, else a visible button whose id, value or text
 * says verify / submit / continue / sign in / next. Entra's own {@code #idTxtBx_SAOTCC_OTC} and the device-login
 * {@code #otc} are {@link EntraSignInDriver}'s. Stateless and thread-safe.
 */
public final class TotpResponder implements SignInDriver {
    static final Pattern CODE_NAME = Pattern.compile("(?i)otp|totp|passcode|code");
    private static final Pattern BUTTON_WORDS = Pattern.compile("(?i)verify|submit|continue|sign ?in|next|\\bok\\b");
    private static final List<String> NOT_OURS = List.of(EntraSignInDriver.OTP_CODE, EntraSignInDriver.DEVICE_CODE);
    private static final By BUTTONS = By.cssSelector("button, input[type=button], input[type=submit], [role=button]");

    @Override
    public Optional<Action> act(WebDriver d, SignInContext ctx) {
        if (ctx.totp().isEmpty()) {
            return Optional.empty();
        }
        Optional<WebElement> eam = Pages.visibleId(d, "eamCodeInput");
        if (eam.isPresent()) {
            return Pages.visibleId(d, "eamVerifyButton").or(() -> Pages.submitOf(eam.get()))
                    .map(button -> fill(d, ctx, eam.get(), button));
        }
        Optional<WebElement> box = codeInput(d);
        if (box.isEmpty()) {
            return Optional.empty();
        }
        return button(d, box.get()).map(button -> fill(d, ctx, box.get(), button));
    }

    /** Types the next code for the page's party into {@code box} and clicks {@code button}. */
    static Action fill(WebDriver d, SignInContext ctx, WebElement box, WebElement button) {
        TotpCodes.Code code = ctx.totp().orElseThrow().next(Pages.origin(Pages.url(d)), ctx.timeLeft());
        String boxLabel = Pages.label(box);
        String buttonLabel = Pages.label(button);
        Pages.type(box, code.value());
        button.click();
        return Action.submitted("typed " + code.describe() + " into " + boxLabel + " and clicked " + buttonLabel);
    }

    /** The page's one-time-code box, if the page is a plain code page. */
    static Optional<WebElement> codeInput(SearchContext in) {
        List<WebElement> fields = Pages.allVisible(in, Pages.TEXT_INPUTS);
        if (fields.stream().anyMatch(TotpResponder::credentialField)) {
            return Optional.empty();
        }
        Optional<WebElement> lab = fields.stream().filter(f -> "totpCodeInput".equals(f.getDomAttribute("id"))).findFirst();
        if (lab.isPresent()) {
            return lab;
        }
        List<WebElement> otc = fields.stream().filter(f -> "one-time-code".equalsIgnoreCase(attr(f, "autocomplete")))
                .filter(f -> !NOT_OURS.contains(attr(f, "id"))).toList();
        if (otc.size() == 1) {
            return Optional.of(otc.get(0));
        }
        if (!otc.isEmpty()) {
            return Optional.empty();
        }
        List<WebElement> named = fields.stream().filter(f -> !NOT_OURS.contains(attr(f, "id")))
                .filter(f -> CODE_NAME.matcher(attr(f, "id")).find() || CODE_NAME.matcher(attr(f, "name")).find())
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** The control that submits {@code box}. */
    static Optional<WebElement> button(SearchContext page, WebElement box) {
        Optional<WebElement> submit = Pages.submitOf(box);
        if (submit.isPresent()) {
            return submit;
        }
        SearchContext scope = Pages.form(box).map(f -> (SearchContext) f).orElse(page);
        return Pages.allVisible(scope, BUTTONS).stream().filter(b -> BUTTON_WORDS.matcher(
                attr(b, "id") + " " + attr(b, "value") + " " + b.getText()).find()).findFirst();
    }

    private static boolean credentialField(WebElement f) {
        String type = attr(f, "type");
        String auto = attr(f, "autocomplete");
        return ("password".equalsIgnoreCase(type) && !CODE_NAME.matcher(attr(f, "id") + attr(f, "name")).find())
                || "username".equalsIgnoreCase(auto) || "current-password".equalsIgnoreCase(auto)
                || "email".equalsIgnoreCase(type);
    }

    private static String attr(WebElement e, String name) {
        String v = e.getDomAttribute(name);
        return v == null ? "" : v;
    }
}
