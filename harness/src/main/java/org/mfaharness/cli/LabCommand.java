package org.mfaharness.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.mfaharness.lab.Lab;
import org.mfaharness.lab.LabAddresses;
import org.mfaharness.lab.LabMode;
import org.mfaharness.lab.LabUser;
import org.mfaharness.lab.config.LabConfigException;
import org.mfaharness.lab.config.LabConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mfa-harness lab --serve [--config FILE] [--direct]}: starts the embedded lab and keeps it running for a person
 * to explore, printing (on stderr) each party's URL, the host map and proxy settings, the CA file, and the users with
 * their secrets (once, on the terminal). Stops cleanly on SIGTERM, SIGINT or Ctrl-C.
 */
@Command(
        name = "lab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Run the scenario matrix against the embedded lab (emulated Entra, IdPs, EAM, Partner Center), or serve it.",
        description = {
            "The embedded lab: an emulated Entra ID, federated IdPs (an AD FS-like WS-Fed IdP issuing SAML 1.1, and a "
                    + "SAML 2.0 IdP), External Authentication Method providers and a Partner Center API, all on "
                    + "127.0.0.1, each able to misbehave on purpose. The built-in configuration has one user per "
                    + "scenario of the matrix (docs/lab.md lists them).",
            "",
            "Without --serve it runs the built-in matrix (scenarios/lab/*.yaml) through the harness proxy in a real browser, "
                    + "judges every hop, writes a run folder per scenario under --out, and prints a table: scenario, "
                    + "verdict, MFA by, decisive reason, and whether it met its expectation.",
            "",
            "With --serve the lab runs until you stop it (Ctrl-C or SIGTERM) and prints how to reach it. In named mode "
                    + "(the default) every party has a lab host name (login.lab.test, adfs.fabrikam.lab.test, ...) "
                    + "that the harness proxy, a browser's --host-resolver-rules or curl's --connect-to maps to "
                    + "127.0.0.1 ports; with --direct every URL is https://localhost:PORT and needs no mapping.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mfa-harness lab                                  run the whole matrix in headless Chromium",
            "  mfa-harness lab --scenario wsfed-noclaim-accept --format json",
            "  mfa-harness lab --browser htmlunit --parallel 2",
            "  mfa-harness lab --serve",
            "  mfa-harness lab --serve --direct",
            "  mfa-harness lab --serve --config my-lab.yaml",
            "",
            "Trust the printed CA file (or pin the printed SPKI in Chromium), then open the printed login URL or point "
                    + "an MSAL client at the printed authority with instance discovery off. The users' passwords and "
                    + "TOTP seeds are lab-only: they are printed once, on stderr, and never logged.",
            "",
            "Exit codes: matrix: 0 when every scenario met its expectation, 1 otherwise; --serve: 0 stopped cleanly;",
            "64 usage error, invalid configuration or scenario; 66 configuration or scenario file (or folder) not found",
            "or not readable; 73 --out not writable."
        })
public final class LabCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--serve", description = "Start the lab and keep it running until stopped (Ctrl-C, SIGTERM).")
    boolean serve;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A lab configuration (YAML) instead of the built-in one (" + LabConfigLoader.DEFAULT_RESOURCE + ").")
    Path config;

    @Option(names = "--direct", description = "Address every party as https://localhost:PORT (no proxy needed) "
            + "instead of by lab host name.")
    boolean direct;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Run only this scenario of the matrix; repeatable.")
    java.util.List<String> only = new java.util.ArrayList<>();

    @Option(names = "--scenarios", paramLabel = "DIR", description = "Where the matrix's scenario files are. Default: scenarios/lab.")
    Path scenariosDir;

    @Option(names = "--browser", paramLabel = "BROWSER", description = "chromium or htmlunit. Default: chromium, or htmlunit when Chromium is not installed.")
    String browser;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "Scenarios at a time, one browser each. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "Where run folders go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table) or json (one JSON document on stdout). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--list", description = "List the matrix's scenarios (those of --scenarios DIR, or --scenario NAME) "
            + "with their description and expectation, and exit; nothing starts.")
    boolean list;

    /** The matrix's options, which --serve does not take. */
    static final java.util.List<String> MATRIX_OPTIONS = java.util.List.of("--scenario", "--scenarios", "--browser",
            "--parallel", "--out", "--format", "--list");
    /** What --list does not use. */
    static final java.util.List<String> NOT_FOR_LIST = java.util.List.of("--browser", "--parallel", "--out", "--config");

    @Override
    public Integer call() throws InterruptedException {
        if (!serve) {
            if (direct) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--direct is for --serve; the matrix runs through the proxy");
            }
            LabMatrix matrix = new LabMatrix(spec, config, only, scenariosDir, browser, parallel, out, format);
            if (list) {
                refuse(NOT_FOR_LIST, "--list only reads the scenario files, it takes no ", "");
                return matrix.list();
            }
            return matrix.run();
        }
        refuse(MATRIX_OPTIONS, "--serve takes only --config and --direct, not ", " (matrix options: run lab without --serve)");
        PrintWriter err = spec.commandLine().getErr();
        Lab.Builder b = labBuilder(direct ? LabMode.DIRECT : LabMode.NAMED, config);
        Lab lab = start(b);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            long t0 = System.nanoTime();
            lab.close();
            err.printf("mfa-harness lab: stopped in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            err.flush();
            stopped.countDown();
        }, "mfa-harness-lab-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        describe(lab, err);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // In-process callers stop the lab by interrupting the command.
            Runtime.getRuntime().removeShutdownHook(hook);
            hook.run();
        }
        return ExitCodes.OK;
    }

    /** A usage error when any of {@code options} was given: {@code why}, the options given, then {@code hint}. */
    private void refuse(java.util.List<String> options, String why, String hint) {
        java.util.List<String> given = options.stream().filter(o -> spec.commandLine().getParseResult().hasMatchedOption(o)).toList();
        if (!given.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), why + String.join(", ", given) + hint);
        }
    }

    /**
     * The lab's builder with {@code config} read and validated, for --serve and the matrix alike: a configuration that
     * does not exist, is a folder or cannot be read is exit 66; an invalid one exit 64; each one line.
     */
    static Lab.Builder labBuilder(LabMode mode, Path config) {
        Lab.Builder b = Lab.builder().mode(mode);
        if (config == null) {
            return b;
        }
        if (!Files.exists(config)) {
            throw new CliException(ExitCodes.NO_INPUT, "lab config " + config + ": no such file");
        }
        if (Files.isDirectory(config)) {
            throw new CliException(ExitCodes.NO_INPUT, "lab config " + config + ": cannot be read (it is a folder, not a file)");
        }
        if (!Files.isReadable(config)) {
            throw new CliException(ExitCodes.NO_INPUT, "lab config " + config + ": cannot be read (permission denied)");
        }
        try {
            return b.configFile(config);
        } catch (LabConfigException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    /** Starts the lab; a configuration the lab refuses while starting is exit 64. */
    static Lab start(Lab.Builder b) {
        try {
            return b.start();
        } catch (LabConfigException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    private static void describe(Lab lab, PrintWriter err) {
        LabAddresses a = lab.addresses();
        err.printf("mfa-harness lab: started in %d ms (%s mode)%n%n", lab.startupMillis(),
                a.mode().name().toLowerCase());
        err.println("Parties:");
        err.printf("  Entra (login)       %s   authority %s/organizations/  (v2 issuer %s)%n", a.loginBase(),
                a.loginBase(), lab.cloud().v2Issuer("{tenant}"));
        err.printf("  Entra v1 issuer     %s%n", lab.cloud().v1Issuer("{tenant}"));
        err.printf("  device login        %s/common/oauth2/deviceauth%n", a.loginBase());
        a.idpBases().forEach((id, base) -> err.printf("  IdP %-15s %s%n", id, base));
        lab.directory().eamProviders().forEach(p -> err.printf("  EAM %-15s %s%n", p.id(), a.eamDiscovery(p.id())));
        err.printf("  Partner Center API  %s   (token audience %s)%n", a.partnerCenterApi(),
                lab.cloud().partnerCenterResource());
        err.println();
        err.printf("CA certificate: %s%n", lab.caCertificateFile());
        err.printf("Leaf key SPKI pin (Chromium --ignore-certificate-errors-spki-list): %s%n%n", lab.spkiPin());
        err.println("Host map (lab name -> loopback socket), for the harness proxy:");
        for (Map.Entry<String, InetSocketAddress> e : lab.hostMap().entrySet()) {
            err.printf("  %-28s 127.0.0.1:%d%n", e.getKey(), e.getValue().getPort());
        }
        if (a.mode() == LabMode.NAMED) {
            String rules = lab.hostMap().entrySet().stream()
                    .map(e -> "MAP " + e.getKey() + " 127.0.0.1:" + e.getValue().getPort())
                    .collect(Collectors.joining(" , "));
            err.println();
            err.println("Without the proxy, a browser or curl can map the names itself:");
            err.printf("  chromium --host-resolver-rules=\"%s\" --ignore-certificate-errors-spki-list=%s%n", rules,
                    lab.spkiPin());
            InetSocketAddress login = lab.hostMap().get(Lab.LOGIN_HOST);
            err.printf("  curl --cacert %s --connect-to %s:443:127.0.0.1:%d %s/organizations/v2.0/.well-known/openid-configuration%n",
                    lab.caCertificateFile(), Lab.LOGIN_HOST, login.getPort(), a.loginBase());
        }
        err.println();
        err.println("Users (lab-only secrets, shown once; TOTP seeds are Base32, RFC 6238, 30 s, 6 digits):");
        for (LabUser u : lab.users()) {
            err.printf("  %-42s %-12s password %-16s totp %s%n", u.upn(), u.protocol(), u.password(), u.totpSeed());
            if (u.scenario() != null) {
                err.printf("      %s%n", u.scenario());
            }
        }
        err.println();
        err.println("mfa-harness lab: ready. Stop with Ctrl-C or SIGTERM.");
        err.flush();
    }
}
