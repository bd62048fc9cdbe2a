package org.mfaharness.cli;

import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfaharness.scenario.Scenario;
import org.mfaharness.scenario.ScenarioBatch;
import org.mfaharness.scenario.ScenarioRunner;
import org.mfaharness.scenario.browser.BrowserKind;
import org.mfaharness.report.JudgementJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mfa-harness run}: run scenario files against a real tenant. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        header = "Run scenario files against a real tenant in a real browser, and judge every hop of each sign-in.",
        description = {
            "Runs scenario files against a real tenant: a real browser signs in through the harness proxy (which records a",
            "redacted HAR), MSAL4J acquires the Partner Center token the way Microsoft's own check does, and every hop",
            "is judged: where the MFA claim was made, honoured or lost, and who satisfied MFA. One run folder per",
            "scenario under --out (result.json, index.html, junit.xml, capture.har, evidence.zip).",
            "",
            "Secrets are referenced by the scenario (env:NAME or file:PATH), never written in it; a missing one stops",
            "the run before any browser starts. Templates: scenarios/templates/ (public, US Gov, China; WS-Fed,",
            "SAML 2.0, EAM). Scenario format: docs/scenarios.md.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  MFA_HARNESS_PASSWORD=… MFA_HARNESS_TOTP_SEED=… mfa-harness run --jwks keys.json my-tenant.yaml",
            "  mfa-harness run --browser htmlunit scenarios/templates/public-saml2.yaml",
            "  mfa-harness run --grid http://127.0.0.1:4444 my-tenant.yaml",
            "  mfa-harness run --manual my-tenant-with-duo-push.yaml",
            "",
            "Exit codes: 0 every scenario met its expectation, 1 otherwise, 64 usage or scenario error, 65 trust material",
            "unusable, 66 a scenario file not found or not readable, 73 --out not writable. Without --jwks",
            "the tokens' signatures are reported unchecked (a present claim is then INCONCLUSIVE)."
        })
public final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", arity = "1..*", description = "Scenario files (YAML or JSON).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--browser", paramLabel = "BROWSER", description = "chromium or htmlunit. Default: chromium, or htmlunit when Chromium is not installed.")
    String browser;

    @Option(names = "--grid", paramLabel = "URL", description = "A Selenium Grid or any W3C WebDriver endpoint to open Chrome on.")
    String grid;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "Scenarios at a time. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--manual", description = "Open a visible browser and let a person sign in (push approval on a phone);"
            + " the harness watches the traffic and waits for the token (10 minutes). Needs a display; one scenario at a time.")
    boolean manual;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "Where run folders go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Mixin
    TrustOptions trust;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ScenarioCli.checkParallel(spec, parallel);
        List<Scenario> scenarios = new ArrayList<>();
        for (Path f : files) {
            Scenario s = ScenarioCli.load(f);
            if (s.cloud().equals("lab")) {
                throw new CliException(ExitCodes.USAGE, f + ": cloud lab scenarios run with 'mfa-harness lab --scenarios DIR'");
            }
            scenarios.add(s);
        }
        if (manual && (grid != null || parallel > 1 || "htmlunit".equals(browser))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--manual opens a local visible Chromium: not with --grid, --parallel or htmlunit");
        }
        ScenarioCli.prepareOut(out);
        BrowserKind kind = grid != null ? BrowserKind.REMOTE : BrowserChoice.choose(browser, spec, err);
        URL gridUrl = null;
        if (grid != null) {
            try {
                gridUrl = new URL(grid);
            } catch (MalformedURLException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--grid: '" + grid + "' is not a URL");
            }
            String h = gridUrl.getHost();
            if (!(h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]"))) {
                throw new CliException(ExitCodes.USAGE, "--grid " + grid + ": a remote grid's browser must reach the harness proxy,"
                        + " which listens on 127.0.0.1 only; run the grid on this machine (the proxy never binds a remote address for run)");
            }
        }
        ScenarioRunner runner = new ScenarioRunner(new ScenarioRunner.Environment(null, kind, gridUrl, out, trust.load(),
                VersionProvider.version(), ScenarioCli.progress(err), manual));
        List<ScenarioBatch.Result> results = ScenarioCli.resolveAndRun(runner, scenarios, parallel);
        PrintWriter o = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            try {
                o.println(JudgementJson.MAPPER.writeValueAsString(LabMatrix.json(results, null)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            for (ScenarioBatch.Result r : results) {
                if (r.outcome() == null) {
                    o.println(r.scenario().name() + ": could not run: " + r.crash());
                    continue;
                }
                var c = r.outcome().judgement();
                o.println(r.scenario().name() + ": " + org.mfaharness.report.VerdictSentence.of(c));
                o.println("  verdict " + c.verdict() + ", MFA " + c.mfa() + ", by " + c.mfaBy().label()
                        + (r.met() ? "; as expected" : "; NOT as expected: " + String.join("; ", r.outcome().mismatches())));
                o.println("  report: " + r.outcome().runDir().resolve("index.html"));
            }
        }
        o.flush();
        return ScenarioCli.exitCode(results);
    }
}
