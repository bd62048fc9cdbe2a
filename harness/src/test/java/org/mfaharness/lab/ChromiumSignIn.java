package org.mfaharness.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.mfaharness.totp.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test-side Selenium sign-in driver for the lab's pages, keyed on the element ids the lab shares with the real
 * pages (Entra {@code i0116}/{@code i0118}/{@code idSIButton9}/{@code idTxtBx_SAOTCC_OTC}, AD FS
 * {@code userNameInput}/{@code passwordInput}/{@code submitButton}, the SAML IdP's and EAM provider's TOTP boxes).
 */
final class ChromiumSignIn {
    private ChromiumSignIn() {
    }

    /** Fills whatever sign-in page is shown until {@code done} holds. */
    static void drive(WebDriver d, LabUser u, BooleanSupplier done) {
        Totp totp = Totp.fromBase32(u.totpSeed());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("sign-in did not finish; last page " + d.getCurrentUrl() + ":\n" + d.getPageSource());
            }
            String src = d.getPageSource();
            if (src.contains("service_exception_message")) {
                throw new AssertionError("Entra error: " + d.findElement(By.id("service_exception_message")).getText());
            }
            String code = totp.codeAt(Instant.now().plus(src.contains("already") ? Duration.ofSeconds(30) : Duration.ZERO));
            WebElement acted = null;
            if (present(d, "i0118")) {
                acted = type(d, "i0118", u.password(), "idSIButton9");
            } else if (present(d, "i0116")) {
                acted = type(d, "i0116", u.upn(), "idSIButton9");
            } else if (present(d, "userNameInput")) {
                d.findElement(By.id("userNameInput")).clear();
                d.findElement(By.id("userNameInput")).sendKeys(u.upn());
                acted = type(d, "passwordInput", u.password(), "submitButton");
            } else if (present(d, "okta-signin-username")) {
                d.findElement(By.id("okta-signin-username")).sendKeys(u.upn());
                acted = type(d, "okta-signin-password", u.password(), "okta-signin-submit");
            } else if (present(d, "idTxtBx_SAOTCC_OTC")) {
                acted = type(d, "idTxtBx_SAOTCC_OTC", code, "idSubmit_SAOTCC_Continue");
            } else if (present(d, "totpCodeInput")) {
                acted = type(d, "totpCodeInput", code, present(d, "verifyButton") ? "verifyButton" : "submitButton");
            } else if (present(d, "eamCodeInput")) {
                acted = type(d, "eamCodeInput", code, "eamVerifyButton");
            }
            if (acted != null) {
                try {
                    new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(acted));
                } catch (org.openqa.selenium.TimeoutException e) {
                    // The page did not change (e.g. a wrong-code message re-rendered in place); look again.
                }
            } else {
                sleep();
            }
        }
    }

    /** Types the user code on the device-login page. */
    static void enterDeviceCode(WebDriver d, String userCode) {
        WebElement box = new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("otc")));
        box.sendKeys(userCode);
        d.findElement(By.id("idSIButton9")).click();
        new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(box));
    }

    private static boolean present(WebDriver d, String id) {
        List<WebElement> e = d.findElements(By.id(id));
        return !e.isEmpty() && e.get(0).isDisplayed();
    }

    private static WebElement type(WebDriver d, String id, String text, String button) {
        WebElement input = d.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
        d.findElement(By.id(button)).click();
        return input;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
