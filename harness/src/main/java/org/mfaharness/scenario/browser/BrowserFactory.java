package org.mfaharness.scenario.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.htmlunit.WebClient;
import org.mfaharness.proxy.files.PrivateFiles;
import org.openqa.selenium.Proxy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Opens browsers with the project's safety settings. Every local Chromium gets {@link #CHROMIUM_FLAGS} (above all
 * the host-resolver rule that keeps it from contacting Google), a fresh {@code --user-data-dir}, the Debian
 * chromedriver passed explicitly (so Selenium Manager never downloads anything) and, when a proxy is given,
 * {@code --proxy-server} with {@code --proxy-bypass-list=<-loopback>} so even loopback traffic is recorded.
 */
public final class BrowserFactory {
    /** Debian's Chromium. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's chromedriver, matching {@link #CHROMIUM}. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** The flags of DESIGN.md "Loopback only in tests and in the lab", for every Chromium this project starts. */
    public static final List<String> CHROMIUM_FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");

    /** Selenium logs version-matching chatter (CDP) through JUL on stderr; keep only its errors (held strongly). */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private BrowserFactory() {
    }

    /**
     * How to open a browser.
     *
     * @param kind                which browser
     * @param headless            headless (always true for HtmlUnit); false only for the manual mode
     * @param proxy               the harness proxy all traffic goes through, or null for none (tests of pages on loopback)
     * @param trustedSpkiPin      base64 SHA-256 SPKI pin of the proxy's leaf key, trusted by Chromium; or null
     * @param acceptInsecureCerts accept any certificate: only for the lab, whose CA never signs a real name
     * @param remoteUrl           the WebDriver endpoint for {@link BrowserKind#REMOTE}
     * @param pageLoadTimeout     page-load timeout
     */
    public record Options(BrowserKind kind, boolean headless, InetSocketAddress proxy, String trustedSpkiPin,
                          boolean acceptInsecureCerts, URL remoteUrl, Duration pageLoadTimeout) {
        public Options {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(pageLoadTimeout, "pageLoadTimeout");
            if (kind == BrowserKind.REMOTE && remoteUrl == null) {
                throw new IllegalArgumentException("a remote browser needs a WebDriver URL");
            }
            if (kind == BrowserKind.HTMLUNIT && proxy == null) {
                throw new IllegalArgumentException("HtmlUnit always goes through the harness's proxy");
            }
        }

        /** Headless Chromium without a proxy, e.g. for opening a saved page or a report. */
        public static Options chromium() {
            return new Options(BrowserKind.CHROMIUM, true, null, null, false, null, Duration.ofSeconds(30));
        }

        public Options withProxy(InetSocketAddress p) {
            return new Options(kind, headless, p, trustedSpkiPin, acceptInsecureCerts, remoteUrl, pageLoadTimeout);
        }

        public Options withTrustedSpkiPin(String pin) {
            return new Options(kind, headless, proxy, pin, acceptInsecureCerts, remoteUrl, pageLoadTimeout);
        }

        public Options withAcceptInsecureCerts(boolean accept) {
            return new Options(kind, headless, proxy, trustedSpkiPin, accept, remoteUrl, pageLoadTimeout);
        }

        public Options withKind(BrowserKind k, URL remote) {
            return new Options(k, headless, proxy, trustedSpkiPin, acceptInsecureCerts, remote, pageLoadTimeout);
        }

        public Options withHeadless(boolean h) {
            return new Options(kind, h, proxy, trustedSpkiPin, acceptInsecureCerts, remoteUrl, pageLoadTimeout);
        }
    }

    /** Whether the local Chromium and chromedriver are installed. */
    public static boolean chromiumInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Opens a browser; the caller closes it. */
    public static Browser open(Options o) {
        return switch (o.kind()) {
            case CHROMIUM -> openChromium(o);
            case HTMLUNIT -> openHtmlUnit(o);
            case REMOTE -> openRemote(o);
        };
    }

    /** The Chromium options for {@code o}, with the profile directory given (local) or none (remote). */
    public static ChromeOptions chromeOptions(Options o, Path userDataDir) {
        ChromeOptions c = new ChromeOptions();
        List<String> args = new ArrayList<>(CHROMIUM_FLAGS);
        if (o.headless()) {
            args.add("--headless=new");
        }
        if (userDataDir != null) {
            args.add("--user-data-dir=" + userDataDir);
        }
        if (o.proxy() != null) {
            args.add("--proxy-server=http://" + o.proxy().getHostString() + ":" + o.proxy().getPort());
            args.add("--proxy-bypass-list=<-loopback>");
        }
        if (o.trustedSpkiPin() != null) {
            args.add("--ignore-certificate-errors-spki-list=" + o.trustedSpkiPin());
        }
        args.add("--window-size=1280,900");
        c.addArguments(args);
        if (o.kind() == BrowserKind.CHROMIUM || (o.kind() == BrowserKind.REMOTE && isLoopback(o.remoteUrl()) && chromiumInstalled())) {
            // A WebDriver endpoint on this machine (a chromedriver started as a server) uses Debian's Chromium too.
            c.setBinary(CHROMIUM.toFile());
        }
        c.setAcceptInsecureCerts(o.acceptInsecureCerts());
        // Console errors are readable through the driver's log API (reports are checked for them).
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.SEVERE);
        c.setCapability("goog:loggingPrefs", logs);
        c.setPageLoadTimeout(o.pageLoadTimeout());
        return c;
    }

    static boolean isLoopback(URL u) {
        if (u == null) {
            return false;
        }
        String h = u.getHost();
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
    }

    private static Browser openChromium(Options o) {
        if (!chromiumInstalled()) {
            throw new IllegalStateException("Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install chromium chromium-driver, or use --browser htmlunit");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("mfa-harness-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile directory", e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("/dev/null"))
                .build();
        try {
            WebDriver d = new ChromeDriver(service, chromeOptions(o, profile));
            return new Browser(BrowserKind.CHROMIUM, d, profile);
        } catch (RuntimeException e) {
            PrivateFiles.deleteTreeQuietly(profile);
            throw e;
        }
    }

    private static Browser openHtmlUnit(Options o) {
        HtmlUnitDriver d = new HtmlUnitDriver(true) {
            @Override
            protected WebClient modifyWebClient(WebClient client) {
                client.getOptions().setUseInsecureSSL(o.acceptInsecureCerts());
                client.getOptions().setThrowExceptionOnScriptError(false);
                client.getOptions().setCssEnabled(false);
                client.getOptions().setTimeout((int) o.pageLoadTimeout().toMillis());
                return client;
            }
        };
        Proxy p = new Proxy();
        String hostPort = o.proxy().getHostString() + ":" + o.proxy().getPort();
        p.setHttpProxy(hostPort).setSslProxy(hostPort).setNoProxy("");
        d.setProxySettings(p);
        return new Browser(BrowserKind.HTMLUNIT, d, null);
    }

    private static Browser openRemote(Options o) {
        WebDriver d = new RemoteWebDriver(o.remoteUrl(), chromeOptions(o, null));
        return new Browser(BrowserKind.REMOTE, d, null);
    }
}
