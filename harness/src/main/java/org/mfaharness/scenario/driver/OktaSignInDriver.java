package org.mfaharness.scenario.driver;

import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An Okta-style SAML 2.0 IdP (the Okta Sign-In Widget's classic ids, which the lab's SAML IdP uses):
 * <ol>
 *   <li>sign-in: visible {@code #okta-signin-password}, with {@code #okta-signin-username} when shown → UPN and
 *       password, then {@code #okta-signin-submit};</li>
 *   <li>second factor inside the widget ({@code #okta-sign-in}): {@code #totpCodeInput} (the lab's
 *       {@code /saml2/mfa} page, button {@code #verifyButton}), or the widget's TOTP answer box
 *       ({@code input[name=answer]}) → a TOTP code, then the widget's verify button or the form's submit.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class OktaSignInDriver implements SignInDriver {
    public static final String USERNAME = "okta-signin-username";
    public static final String PASSWORD = "okta-signin-password";
    public static final String SUBMIT = "okta-signin-submit";
    public static final String WIDGET = "okta-sign-in";
    private static final By CODE_BOXES = By.cssSelector("#totpCodeInput, input[name=answer]");

    @Override
    public Optional<Action> act(WebDriver d, SignInContext ctx) {
        Optional<WebElement> password = Pages.visibleId(d, PASSWORD);
        if (password.isPresent()) {
            Optional<WebElement> submit = Pages.visibleId(d, SUBMIT);
            if (ctx.password().isEmpty() || submit.isEmpty()) {
                return Optional.empty();
            }
            String did = Pages.typeUserAndPassword(d, USERNAME, password.get(), PASSWORD, ctx);
            submit.get().click();
            return Optional.of(Action.submitted(did + " and clicked " + SUBMIT));
        }
        Optional<WebElement> widget = Pages.visibleId(d, WIDGET);
        if (widget.isEmpty() || ctx.totp().isEmpty()) {
            return Optional.empty();
        }
        Optional<WebElement> box = Pages.visible(widget.get(), CODE_BOXES);
        if (box.isEmpty()) {
            return Optional.empty();
        }
        return Pages.visibleId(widget.get(), "verifyButton").or(() -> TotpResponder.button(widget.get(), box.get()))
                .map(button -> TotpResponder.fill(d, ctx, box.get(), button));
    }
}
