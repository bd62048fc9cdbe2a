package org.mfaharness.scenario.driver;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.mfaharness.scenario.browser.Browser;
import org.mfaharness.scenario.browser.BrowserFactory;
import org.mfaharness.scenario.browser.BrowserKind;

/**
 * One headless Chromium and one HtmlUnit per test class, opened through {@link BrowserFactory} (Chromium with its
 * loopback-only flags; HtmlUnit through a {@link LoopbackProxy}, since the factory never opens HtmlUnit without a
 * proxy), and closed with the class.
 */
final class TestBrowsers implements AutoCloseable {
    private final Map<BrowserKind, Browser> open = new EnumMap<>(BrowserKind.class);
    private final LoopbackProxy proxy = new LoopbackProxy();
    private final String spkiPin;
    private final boolean acceptInsecureCerts;

    /** Browsers for plain-HTTP loopback pages. */
    TestBrowsers() {
        this(null, false);
    }

    /**
     * Browsers for the lab: Chromium trusts the lab's leaf key by SPKI pin; HtmlUnit (which has no pinning) accepts
     * the lab's certificates, which DESIGN.md allows for the lab only.
     */
    TestBrowsers(String spkiPin, boolean acceptInsecureCerts) {
        if (!BrowserFactory.chromiumInstalled()) {
            throw new AssertionError("Chromium is not installed: apt-get install chromium chromium-driver (.ci/run does)");
        }
        this.spkiPin = spkiPin;
        this.acceptInsecureCerts = acceptInsecureCerts;
    }

    synchronized Browser get(BrowserKind kind) {
        return open.computeIfAbsent(kind, k -> BrowserFactory.open(options(k)));
    }

    BrowserFactory.Options options(BrowserKind kind) {
        return switch (kind) {
            case CHROMIUM -> BrowserFactory.Options.chromium().withTrustedSpkiPin(spkiPin);
            case HTMLUNIT -> new BrowserFactory.Options(BrowserKind.HTMLUNIT, true, proxy.address(), null,
                    acceptInsecureCerts, null, Duration.ofSeconds(30));
            case REMOTE -> throw new IllegalArgumentException("no remote browser in these tests");
        };
    }

    /** A fresh page state: no cookies, a blank page. */
    Browser fresh(BrowserKind kind) {
        Browser b = get(kind);
        try {
            b.driver().manage().deleteAllCookies();
        } catch (RuntimeException e) {
            // HtmlUnit without a page yet.
        }
        return b;
    }

    LoopbackProxy proxy() {
        return proxy;
    }

    @Override
    public synchronized void close() {
        open.values().forEach(Browser::close);
        open.clear();
        proxy.close();
    }
}
