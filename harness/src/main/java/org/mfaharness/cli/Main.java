package org.mfaharness.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mfa-harness} command line: one subcommand per job. */
@Command(
        name = "mfa-harness",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Tells a Microsoft partner, hop by hop, whether its third-party MFA produces the MFA claim",
            "(amr contains \"mfa\") that Partner Center and Entra ID demand, and what to change when it does not.",
            ""
        },
        subcommands = {InspectCommand.class, ProxyCommand.class, LabCommand.class, RunCommand.class, ReportCommand.class, CertifyCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   PASS or WARN",
            "  1   FAIL: the MFA claim is missing, malformed or cannot be trusted",
            "  2   INCONCLUSIVE: could not tell (unreadable input, no trust material)",
            "  64  usage error (unknown option, bad value)",
            "  65  trust material unusable (malformed PEM, JWKS or metadata)",
            "  66  input not found or not readable",
            "  70  internal error (a bug: please report it)",
            "  73  output could not be written",
            "",
            "Run 'mfa-harness COMMAND --help' for the options of one command."
        })
public final class Main implements Runnable {
    static final int HELP_WIDTH = 120;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Builds the configured command line; tests call this to run commands in-process. */
    public static CommandLine commandLine() {
        // Undertow and XNIO (proxy, lab, certify) log through JBoss Logging, whose default backend prints INFO lines:
        // route it to slf4j-simple (warnings only, on stderr) before any of their classes load.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        CommandLine cl = new CommandLine(new Main());
        // The help texts are written to 120 columns: used when the terminal width cannot be detected (a pipe, a
        // file), and narrowed to the terminal's when it can.
        cl.setUsageHelpWidth(HELP_WIDTH);
        cl.setUsageHelpAutoWidth(true);
        cl.setParameterExceptionHandler(Main::onUsageError);
        cl.setExecutionExceptionHandler(Main::onExecutionError);
        return cl;
    }

    private static int onUsageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println(usageLine(e));
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * A usage error as one line: the message, picocli's suggestions when it has some, and where the options are
     * explained ("mfa-harness: Unknown option: '--lsit'; did you mean --list? (see 'mfa-harness lab --help')").
     */
    static String usageLine(CommandLine.ParameterException e) {
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !spec.subcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "mfa-harness: unknown command '" + u.getUnmatched().get(0) + "'; the commands are "
                    + String.join(", ", spec.subcommands().keySet()) + " (see '" + spec.qualifiedName() + " --help')";
        }
        StringBuilder line = new StringBuilder("mfa-harness: ").append(e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            line.append("; did you mean ").append(String.join(" or ", u.getSuggestions())).append('?');
        }
        return line.append(" (see '").append(e.getCommandLine().getCommandSpec().qualifiedName()).append(" --help')")
                .toString();
    }

    private static int onExecutionError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof CliException ce) {
            err.println("mfa-harness: " + ce.getMessage());
            err.flush();
            return ce.exitCode();
        }
        err.println("mfa-harness: internal error: " + e);
        if (System.getenv("MFA_HARNESS_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("Set MFA_HARNESS_DEBUG=1 for the stack trace, and please report it.");
        }
        err.flush();
        return ExitCodes.SOFTWARE;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
