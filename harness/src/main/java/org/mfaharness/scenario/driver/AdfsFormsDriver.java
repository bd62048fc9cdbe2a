package org.mfaharness.scenario.driver;

import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * AD FS pages (Windows Server 2012 R2 and later, and the lab's AD FS-like IdP):
 * <ol>
 *   <li>forms sign-in: visible {@code #passwordInput} (name {@code Password}), with {@code #userNameInput}
 *       (name {@code UserName}) when shown, in the form carrying hidden {@code AuthMethod=FormsAuthentication} →
 *       UPN and password, then {@code #submitButton} (an {@code input} or, as on AD FS 2016+, a {@code span} whose
 *       click runs {@code Login.submitLoginRequest()});</li>
 *   <li>additional authentication: a form with hidden {@code AuthMethod} (the adapter's name) and {@code Context}
 *       and a one-time-code box ({@code #totpCodeInput} on the lab's {@code /adfs/ls/mfa} page, else the
 *       {@link TotpResponder} heuristics) → a TOTP code, then {@code #submitButton} or the form's submit.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class AdfsFormsDriver implements SignInDriver {
    public static final String USERNAME = "userNameInput";
    public static final String PASSWORD = "passwordInput";
    public static final String SUBMIT = "submitButton";
    private static final By AUTH_METHOD = By.cssSelector("input[type=hidden][name=AuthMethod]");
    private static final By CONTEXT = By.cssSelector("input[type=hidden][name=Context]");

    @Override
    public Optional<Action> act(WebDriver d, SignInContext ctx) {
        Optional<WebElement> password = Pages.visibleId(d, PASSWORD);
        if (password.isPresent()) {
            if (ctx.password().isEmpty()) {
                return Optional.empty();
            }
            Optional<WebElement> submit = Pages.visibleId(d, SUBMIT).or(() -> Pages.submitOf(password.get()));
            if (submit.isEmpty()) {
                return Optional.empty();
            }
            String did = Pages.typeUserAndPassword(d, USERNAME, password.get(), PASSWORD, ctx);
            String button = Pages.label(submit.get());
            submit.get().click();
            return Optional.of(Action.submitted(did + " and clicked " + button + " (AD FS forms sign-in)"));
        }
        if (ctx.totp().isEmpty()) {
            return Optional.empty();
        }
        for (WebElement form : d.findElements(By.tagName("form"))) {
            Optional<String> method = form.findElements(AUTH_METHOD).stream().findFirst()
                    .map(e -> e.getDomProperty("value"));
            if (method.isEmpty() || "FormsAuthentication".equals(method.get()) || form.findElements(CONTEXT).isEmpty()) {
                continue;
            }
            Optional<WebElement> box = Pages.visibleId(form, "totpCodeInput").or(() -> TotpResponder.codeInput(form));
            if (box.isEmpty()) {
                continue;
            }
            Optional<WebElement> submit = Pages.visibleId(form, SUBMIT).or(() -> TotpResponder.button(form, box.get()));
            if (submit.isEmpty()) {
                continue;
            }
            Action a = TotpResponder.fill(d, ctx, box.get(), submit.get());
            return Optional.of(Action.submitted(a.description() + " (AD FS additional authentication, AuthMethod="
                    + ctx.redact(method.get()) + ")"));
        }
        return Optional.empty();
    }
}
