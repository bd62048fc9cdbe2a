package org.mfaharness.scenario.driver;

import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Entra ID's sign-in pages, by Microsoft's element ids (the lab's Entra uses the same ones). On each page, the first
 * that applies:
 * <ol>
 *   <li>password: visible {@code #i0118} (name {@code passwd}) → the password, then {@code #idSIButton9};</li>
 *   <li>user name: visible {@code #i0116} (name {@code loginfmt}) → the UPN, then {@code #idSIButton9};</li>
 *   <li>one-time code (Entra's own MFA, "Enter code"): visible {@code #idTxtBx_SAOTCC_OTC} (name {@code otc}) → a
 *       TOTP code from the seed ({@link TotpCodes}), then {@code #idSubmit_SAOTCC_Continue};</li>
 *   <li>"Stay signed in?": visible {@code #KmsiCheckboxField} or {@code #KmsiDescription} → No
 *       ({@code #idBtn_Back}): the browser profile is thrown away anyway;</li>
 *   <li>device login ("Enter code"): visible {@code #otc} → the device-code flow's user code, then
 *       {@code #idSIButton9};</li>
 *   <li>"Verify your identity" method picker ({@code #idDiv_SAOTCS_Proofs}), when there is a TOTP seed: the tile
 *       {@code [data-value=PhoneAppOTP]} ("Use a verification code"), which leads to the code page;</li>
 *   <li>push approval ("Approve sign in request", {@code #idDiv_SAOTCAS_Title}): nothing a program can answer; the
 *       driver holds the page ({@link Action.Effect#WAITING}) and says so once, with the number to type in the app
 *       when the page shows one ({@code #idRichContext_DisplaySign}), so a person can approve it before the session's
 *       timeout.</li>
 * </ol>
 * The password view is checked before the user-name view because the real page keeps both in one document and
 * hides the one not in use. The picker and push ids are not in Microsoft's documentation; they are the ones public
 * automation of the live page uses (see docs/drivers.md). A page needing a secret the context lacks is left alone. Stateless and thread-safe.
 */
public final class EntraSignInDriver implements SignInDriver {
    public static final String USERNAME = "i0116";
    public static final String PASSWORD = "i0118";
    public static final String NEXT = "idSIButton9";
    public static final String OTP_CODE = "idTxtBx_SAOTCC_OTC";
    public static final String OTP_VERIFY = "idSubmit_SAOTCC_Continue";
    public static final String KMSI_CHECKBOX = "KmsiCheckboxField";
    public static final String KMSI_DESCRIPTION = "KmsiDescription";
    public static final String KMSI_NO = "idBtn_Back";
    public static final String DEVICE_CODE = "otc";
    /** "Verify your identity": the list of sign-in methods; the id is not in Microsoft's documentation. */
    public static final String PROOFS = "idDiv_SAOTCS_Proofs";
    /** The method tile for a code from the authenticator app (its {@code data-value}). */
    public static final String PROOF_APP_CODE = "PhoneAppOTP";
    /** "Approve sign in request" (push to Microsoft Authenticator); the id is not in Microsoft's documentation. */
    public static final String PUSH_TITLE = "idDiv_SAOTCAS_Title";
    /** The number-matching number shown with a push; the id is not in Microsoft's documentation. */
    public static final String PUSH_NUMBER = "idRichContext_DisplaySign";

    @Override
    public Optional<Action> act(WebDriver d, SignInContext ctx) {
        Optional<WebElement> password = Pages.visibleId(d, PASSWORD);
        if (password.isPresent()) {
            Optional<Action> typed = ctx.password().flatMap(p -> typeAndClick(d, password.get(), p, "the password", NEXT));
            typed.ifPresent(a -> ctx.typingPassword());
            return typed;
        }
        Optional<WebElement> user = Pages.visibleId(d, USERNAME);
        if (user.isPresent()) {
            return ctx.upn().flatMap(u -> typeAndClick(d, user.get(), u, "the user name", NEXT));
        }
        Optional<WebElement> otp = Pages.visibleId(d, OTP_CODE);
        if (otp.isPresent()) {
            Optional<TotpCodes> codes = ctx.totp();
            Optional<WebElement> verify = Pages.visibleId(d, OTP_VERIFY);
            if (codes.isEmpty() || verify.isEmpty()) {
                return Optional.empty();
            }
            TotpCodes.Code code = codes.get().next(Pages.origin(Pages.url(d)), ctx.timeLeft());
            Pages.type(otp.get(), code.value());
            verify.get().click();
            return Optional.of(Action.submitted("typed " + code.describe() + " into " + OTP_CODE + " and clicked "
                    + OTP_VERIFY));
        }
        if (Pages.visibleId(d, KMSI_CHECKBOX).isPresent() || Pages.visibleId(d, KMSI_DESCRIPTION).isPresent()) {
            return Pages.visibleId(d, KMSI_NO).map(no -> {
                no.click();
                return Action.submitted("answered No to 'Stay signed in?' (" + KMSI_NO + ")");
            });
        }
        Optional<WebElement> device = Pages.visibleId(d, DEVICE_CODE);
        if (device.isPresent()) {
            return ctx.deviceCode().flatMap(c -> typeAndClick(d, device.get(), c, "the device code", NEXT));
        }
        Optional<WebElement> proofs = Pages.visibleId(d, PROOFS);
        if (proofs.isPresent() && ctx.totp().isPresent()) {
            Optional<WebElement> tile = Pages.visible(proofs.get(), By.cssSelector("[data-value=" + PROOF_APP_CODE + "]"));
            if (tile.isPresent()) {
                tile.get().click();
                return Optional.of(Action.submitted("chose the verification-code method (data-value=" + PROOF_APP_CODE
                        + ") in " + PROOFS));
            }
        }
        if (Pages.visibleId(d, PUSH_TITLE).isPresent()) {
            String number = Pages.visibleId(d, PUSH_NUMBER).map(e -> e.getText().strip())
                    .filter(n -> n.matches("\\d{1,3}")).map(n -> " (number " + n + ")").orElse("");
            return Optional.of(Action.waiting("Entra asks to approve the sign-in in the Authenticator app" + number
                    + "; approve it on the phone"));
        }
        return Optional.empty();
    }

    private static Optional<Action> typeAndClick(WebDriver d, WebElement field, Secret value, String what, String button) {
        Optional<WebElement> next = Pages.visibleId(d, button);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        // Labels are read before the click: after it the element may belong to a replaced page.
        String label = Pages.label(field);
        Pages.type(field, value);
        next.get().click();
        return Optional.of(Action.submitted("typed " + what + " into " + label + " and clicked " + button));
    }
}
