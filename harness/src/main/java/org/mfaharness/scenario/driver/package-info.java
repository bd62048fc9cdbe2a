/**
 * Sign-in drivers: the code that plays the user in a browser during a real sign-in, page by page, until the
 * caller's goal holds (the app's redirect arrived, the token was captured).
 *
 * <p>A {@link org.mfaharness.scenario.driver.SignInDriver} recognises one family of pages and acts once on the
 * current page; a {@link org.mfaharness.scenario.driver.SignInSession} applies an ordered list of drivers step by step,
 * detects terminal error pages (Entra's {@code AADSTSnnnnn}, IdP error pages), stalls and the overall timeout, and
 * reports one progress line per step. The built-ins ({@link org.mfaharness.scenario.driver.Drivers#defaults()}) key
 * on Microsoft's documented element ids for the Entra sign-in page, on AD FS's forms sign-in and
 * additional-authentication pages, on an Okta-style SAML 2.0 IdP and on generic one-time-code boxes (EAM providers);
 * a {@link org.mfaharness.scenario.driver.DeclarativeDriver} runs a scenario's own {@code steps:}, and
 * {@link org.mfaharness.scenario.driver.ManualMode} only watches a visible browser while a person approves a push.
 *
 * <p>Secrets (user name, password, TOTP seed, codes) travel as {@link org.mfaharness.scenario.driver.Secret}s and are
 * never written to progress lines, exception messages or {@code toString()}: descriptions name the element, never
 * the value ("typed the password into i0118"), URLs are reported without query or fragment, and every text taken from
 * a page is passed through {@link org.mfaharness.scenario.driver.SignInContext#redact(String)}. TOTP codes are
 * RFC 6238 codes computed from the seed ({@link org.mfaharness.totp.Totp}); see {@code docs/drivers.md}.
 */
package org.mfaharness.scenario.driver;
