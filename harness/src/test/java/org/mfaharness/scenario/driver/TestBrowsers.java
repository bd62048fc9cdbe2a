package org.mfaharness.scenario.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mfaharness.proxy.InterceptingProxy;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.scenario.browser.Browser;
import org.mfaharness.scenario.browser.BrowserFactory;
import org.mfaharness.scenario.browser.BrowserKind;

/**
 * One headless Chromium and one HtmlUnit per test class, opened through {@link BrowserFactory} (Chromium with its
 * loopback-only flags; HtmlUnit through the harness's own intercepting proxy, since the factory never opens HtmlUnit
 * without a proxy), and closed with the class. The proxy forwards to loopback only and records every exchange.
 */
final class TestBrowsers implements AutoCloseable {
    private final Map<BrowserKind, Browser> open = new EnumMap<>(BrowserKind.class);
    private final InterceptingProxy proxy;
    /** Every exchange the proxy forwarded or refused, in order. */
    final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final String spkiPin;
    private final boolean acceptInsecureCerts;

    /** Browsers for plain-HTTP loopback pages. */
    TestBrowsers() {
        this(null, false, null);
    }

    /**
     * Browsers for the lab: Chromium trusts the lab's leaf key by SPKI pin; HtmlUnit (which has no pinning) accepts
     * the lab's certificates, which DESIGN.md allows for the lab only.
     */
    TestBrowsers(String spkiPin, boolean acceptInsecureCerts, Path upstreamCa) {
        if (!BrowserFactory.chromiumInstalled()) {
            throw new AssertionError("Chromium is not installed: apt-get install chromium chromium-driver (.ci/run does)");
        }
        this.spkiPin = spkiPin;
        this.acceptInsecureCerts = acceptInsecureCerts;
        InterceptingProxy.Builder b = InterceptingProxy.builder().port(0).shutdownHook(false).listener(exchanges::add);
        if (upstreamCa != null) {
            b.upstreamCa(upstreamCa);
        }
        proxy = b.build();
        try {
            proxy.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Exchanges the proxy refused or could not forward. */
    List<Exchange> failedExchanges() {
        return exchanges.stream().filter(e -> e.error() != null).toList();
    }

    @Override
    public synchronized void close() {
        open.values().forEach(Browser::close);
        open.clear();
        try {
            proxy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
