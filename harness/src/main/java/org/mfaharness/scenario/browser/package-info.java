/**
 * Browsers for sign-ins: headless Chromium (Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver},
 * passed explicitly so Selenium Manager never runs), HtmlUnit, or any W3C WebDriver endpoint. Every Chromium gets
 * the loopback-only flags of DESIGN.md and a fresh profile directory.
 */
package org.mfaharness.scenario.browser;
