package org.mfaharness.scenario.browser;

/** Which browser drives a sign-in. */
public enum BrowserKind {
    /** Local headless Chromium through chromedriver. */
    CHROMIUM,
    /** HtmlUnit in-process (no Chromium needed), always through the harness's proxy. */
    HTMLUNIT,
    /** A remote Selenium Grid or any W3C WebDriver endpoint, asked for Chrome. */
    REMOTE
}
