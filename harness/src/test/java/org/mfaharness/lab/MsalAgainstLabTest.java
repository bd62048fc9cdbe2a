package org.mfaharness.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.Prompt;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mfaharness.scenario.browser.Browser;
import org.mfaharness.scenario.browser.BrowserFactory;
import org.mfaharness.scenario.driver.Drivers;
import org.mfaharness.scenario.driver.Secret;
import org.mfaharness.scenario.driver.SignInContext;
import org.mfaharness.scenario.driver.SignInSession;
import org.mfaharness.scenario.driver.Until;

/**
 * Real MSAL4J against lab Entra in direct mode ({@code instanceDiscovery(false)}, the lab CA via
 * {@code sslSocketFactory}), with headless Chromium from the project's browser factory doing the user's part:
 * the device-code flow and the interactive flow (an {@code OpenBrowserAction} handing the URL to Selenium, MSAL's
 * loopback listener receiving the code) for a WS-Fed user, a SAML 2.0 user and an EAM user.
 */
class MsalAgainstLabTest {
    static final Set<String> PC = Set.of("https://api.partnercenter.lab.test/user_impersonation");
    static Lab lab;

    @BeforeAll
    static void start() {
        if (!BrowserFactory.chromiumInstalled()) {
            throw new AssertionError("Chromium is not installed: apt-get install chromium chromium-driver (.ci/run does)");
        }
        lab = Lab.builder().start();
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    static PublicClientApplication msal() throws Exception {
        return PublicClientApplication.builder(LabSignIn.AZURE_CLI)
                .authority(lab.addresses().loginBase() + "/organizations/")
                .instanceDiscovery(false)
                .sslSocketFactory(lab.socketFactory())
                .build();
    }

    static Browser chromium() {
        return BrowserFactory.open(BrowserFactory.Options.chromium().withTrustedSpkiPin(lab.spkiPin()));
    }

    /** The production sign-in drivers (docs/drivers.md), as the scenario runner uses them. */
    static SignInSession session(Until until) {
        return SignInSession.builder().drivers(Drivers.defaults()).until(until).timeout(java.time.Duration.ofSeconds(60)).build();
    }

    static SignInContext.Builder context(LabUser u) {
        return SignInContext.builder().upn(Secret.of(u.upn())).password(Secret.of(u.password())).totpSeed(Secret.of(u.totpSeed()));
    }

    static IAuthenticationResult interactive(String upn) throws Exception {
        LabUser u = lab.user(upn).orElseThrow();
        try (Browser b = chromium()) {
            SystemBrowserOptions options = SystemBrowserOptions.builder()
                    .openBrowserAction(url -> session(Until.redirectUriOf(url.toString())).run(b.driver(), url.toString(), context(u).build()))
                    .build();
            InteractiveRequestParameters p = InteractiveRequestParameters.builder(new URI("http://localhost"))
                    .scopes(PC).prompt(Prompt.LOGIN).systemBrowserOptions(options).httpPollingTimeoutInSeconds(60).build();
            return msal().acquireToken(p).get(90, TimeUnit.SECONDS);
        }
    }

    static void assertPartnerCenterToken(IAuthenticationResult r, LabUser u, String... amr) {
        JsonNode c = Jwt.claims(r.accessToken());
        assertThat(Jwt.amr(r.accessToken())).containsExactly(amr);
        assertThat(c.path("aud").asText()).isEqualTo("https://api.partnercenter.lab.test");
        assertThat(c.path("iss").asText()).isEqualTo(lab.cloud().v1Issuer(u.tenantId()));
        assertThat(c.path("tid").asText()).isEqualTo(u.tenantId());
        assertThat(c.path("upn").asText()).isEqualTo(u.upn());
        assertThat(r.account().username()).isEqualTo(u.upn());
        assertThat(r.account().homeAccountId()).isEqualTo(u.objectId() + "." + u.tenantId());
    }

    @Test
    void interactiveFlowForAWsFedUserYieldsFedAndMfaFromTheIdp() throws Exception {
        LabUser u = lab.user("user@wsfed-claim-enforce.lab.test").orElseThrow();
        IAuthenticationResult r = interactive(u.upn());
        assertPartnerCenterToken(r, u, "fed", "mfa");
        assertThat(Jwt.claims(r.accessToken()).path("idp").asText()).isEqualTo(u.idpIssuer());
    }

    @Test
    void interactiveFlowForASaml2UserYieldsFedAndMfaFromTheClassRef() throws Exception {
        LabUser u = lab.user("user@saml-classref-enforce.lab.test").orElseThrow();
        IAuthenticationResult r = interactive(u.upn());
        assertPartnerCenterToken(r, u, "fed", "mfa");
        assertThat(Jwt.claims(r.accessToken()).path("idp").asText()).isEqualTo(u.idpIssuer());
    }

    @Test
    void interactiveFlowForAnEamUserYieldsMfaFromTheExternalMethod() throws Exception {
        LabUser u = lab.user("conformant@eam-users.lab.test").orElseThrow();
        IAuthenticationResult r = interactive(u.upn());
        assertPartnerCenterToken(r, u, "pwd", "mfa");
        assertThat(Jwt.claims(r.accessToken()).has("idp")).isFalse();
    }

    @Test
    void deviceCodeFlowCompletedInChromiumYieldsAPartnerCenterTokenWithEntraMfa() throws Exception {
        LabUser u = lab.user("otp@managed.lab.test").orElseThrow();
        AtomicReference<Throwable> browserFailure = new AtomicReference<>();
        CompletableFuture<Void> browser = new CompletableFuture<>();
        DeviceCodeFlowParameters p = DeviceCodeFlowParameters.builder(PC, dc -> {
            assertThat(dc.verificationUri()).startsWith(lab.addresses().loginBase());
            Thread t = new Thread(() -> {
                try (Browser b = chromium()) {
                    session(Until.visible(org.openqa.selenium.By.id("deviceAuthDone")))
                            .run(b.driver(), dc.verificationUri(), context(u).deviceCode(Secret.of(dc.userCode())).build());
                    browser.complete(null);
                } catch (Throwable e) {
                    browserFailure.set(e);
                    browser.completeExceptionally(e);
                }
            }, "device-login-browser");
            t.setDaemon(true);
            t.start();
        }).build();
        IAuthenticationResult r;
        try {
            r = msal().acquireToken(p).get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (browserFailure.get() != null) {
                throw new AssertionError("the device login failed in Chromium", browserFailure.get());
            }
            throw e;
        }
        browser.get(30, TimeUnit.SECONDS);
        assertPartnerCenterToken(r, u, "pwd", "otp", "mfa");
    }
}
