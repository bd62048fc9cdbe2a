package org.mfaharness.cli;

import java.io.PrintWriter;
import org.mfaharness.scenario.browser.BrowserFactory;
import org.mfaharness.scenario.browser.BrowserKind;
import picocli.CommandLine;

/** {@code --browser}: chromium (default) or htmlunit; HtmlUnit is chosen, with a notice, when Chromium is missing. */
final class BrowserChoice {
    private BrowserChoice() {
    }

    static BrowserKind choose(String option, CommandLine.Model.CommandSpec spec, PrintWriter err) {
        return choose(option, spec, err, BrowserFactory.chromiumInstalled());
    }

    /** The choice, given whether Chromium is installed (tests decide it). */
    static BrowserKind choose(String option, CommandLine.Model.CommandSpec spec, PrintWriter err, boolean chromiumInstalled) {
        if (option == null) {
            if (chromiumInstalled) {
                return BrowserKind.CHROMIUM;
            }
            err.println("mfa-harness: Chromium is not installed (" + BrowserFactory.CHROMIUM + ", " + BrowserFactory.CHROMEDRIVER
                    + "); using HtmlUnit. Install chromium and chromium-driver for the real browser.");
            err.flush();
            return BrowserKind.HTMLUNIT;
        }
        return switch (option) {
            case "chromium" -> {
                if (!chromiumInstalled) {
                    throw new CliException(ExitCodes.USAGE, "--browser chromium: Chromium is not installed (apt-get install chromium chromium-driver)");
                }
                yield BrowserKind.CHROMIUM;
            }
            case "htmlunit" -> BrowserKind.HTMLUNIT;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--browser must be chromium or htmlunit");
        };
    }
}
