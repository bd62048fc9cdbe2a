package org.mfaharness.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import org.mfaharness.scenario.ResolvedUser;
import org.mfaharness.scenario.Scenario;
import org.mfaharness.scenario.ScenarioBatch;
import org.mfaharness.scenario.ScenarioException;
import org.mfaharness.scenario.ScenarioLoader;
import org.mfaharness.scenario.ScenarioRunner;
import picocli.CommandLine;

/** What {@code lab} and {@code run} share: progress on stderr, option checks, and running a batch. */
final class ScenarioCli {
    private ScenarioCli() {
    }

    /** Progress lines from parallel scenarios, one whole line at a time on stderr. */
    static Consumer<String> progress(PrintWriter err) {
        return line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
    }

    /** Loads a scenario file: missing or unreadable is exit 66, invalid content exit 64, each one line. */
    static Scenario load(java.nio.file.Path file) {
        try {
            return ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            throw new CliException(e.unreadable() ? ExitCodes.NO_INPUT : ExitCodes.USAGE, e.getMessage());
        }
    }

    /**
     * Creates the output folder (run folders go under it) before anything starts; one line and exit 73 when it
     * cannot be created or written.
     */
    static void prepareOut(java.nio.file.Path out) {
        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            throw new CliException(ExitCodes.CANT_CREATE, "output folder " + out + " is a file, not a folder");
        }
        try {
            java.nio.file.Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new CliException(ExitCodes.CANT_CREATE, "cannot create the output folder " + out + ": " + CliException.reason(e));
        }
        if (!java.nio.file.Files.isWritable(out)) {
            throw new CliException(ExitCodes.CANT_CREATE, "output folder " + out + " is not writable");
        }
    }

    static void checkParallel(CommandLine.Model.CommandSpec spec, int parallel) {
        if (parallel < 1 || parallel > 8) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be between 1 and 8");
        }
    }

    /** Resolves every scenario's secrets (a missing one is a usage error before any browser starts), then runs them. */
    static List<ScenarioBatch.Result> resolveAndRun(ScenarioRunner runner, List<Scenario> scenarios, int parallel)
            throws InterruptedException {
        List<ResolvedUser> users;
        try {
            users = ScenarioBatch.resolveAll(runner, scenarios, System.getenv());
        } catch (ScenarioException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        return ScenarioBatch.run(runner, scenarios, users, parallel);
    }

    /** 0 when every scenario met its expectation, else 1. */
    static int exitCode(List<ScenarioBatch.Result> results) {
        return results.stream().allMatch(ScenarioBatch.Result::met) ? ExitCodes.OK : ExitCodes.FAIL;
    }
}
