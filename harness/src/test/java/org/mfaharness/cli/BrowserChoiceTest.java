package org.mfaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.mfaharness.scenario.browser.BrowserKind;
import picocli.CommandLine;

/** Without Chromium the harness falls back to HtmlUnit and says so; asking for Chromium then is a clear error. */
class BrowserChoiceTest {
    final CommandLine.Model.CommandSpec spec = new CommandLine(new LabCommand()).getCommandSpec();

    @Test
    void aMissingChromiumFallsBackToHtmlUnitWithANotice() {
        StringWriter err = new StringWriter();
        assertThat(BrowserChoice.choose(null, spec, new PrintWriter(err, true), false)).isEqualTo(BrowserKind.HTMLUNIT);
        assertThat(err.toString()).contains("Chromium is not installed").contains("using HtmlUnit");
    }

    @Test
    void chromiumIsTheDefaultWhenInstalled() {
        StringWriter err = new StringWriter();
        assertThat(BrowserChoice.choose(null, spec, new PrintWriter(err, true), true)).isEqualTo(BrowserKind.CHROMIUM);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void askingForAMissingChromiumIsAUsageError() {
        assertThatThrownBy(() -> BrowserChoice.choose("chromium", spec, new PrintWriter(new StringWriter()), false))
                .isInstanceOf(CliException.class).hasMessageContaining("apt-get install chromium");
        assertThatThrownBy(() -> BrowserChoice.choose("firefox", spec, new PrintWriter(new StringWriter()), true))
                .isInstanceOf(CommandLine.ParameterException.class);
    }
}
