package org.mfaharness.scenario.browser;

import java.nio.file.Path;
import java.util.Optional;
import org.mfaharness.proxy.files.PrivateFiles;
import org.openqa.selenium.WebDriver;

/**
 * An open browser session: the WebDriver plus what it owns (a fresh profile directory), released by {@link #close()}.
 */
public final class Browser implements AutoCloseable {
    private final BrowserKind kind;
    private final WebDriver driver;
    private final Path userDataDir;

    Browser(BrowserKind kind, WebDriver driver, Path userDataDir) {
        this.kind = kind;
        this.driver = driver;
        this.userDataDir = userDataDir;
    }

    public BrowserKind kind() {
        return kind;
    }

    public WebDriver driver() {
        return driver;
    }

    /** The throw-away profile directory of a local Chromium; empty for HtmlUnit and remote sessions. */
    public Optional<Path> userDataDir() {
        return Optional.ofNullable(userDataDir);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            // The session may already be gone (browser crashed, grid timed out); nothing else to release.
        } finally {
            // A profile directory left behind holds no secret (cookies died with the session).
            PrivateFiles.deleteTreeQuietly(userDataDir);
        }
    }
}
