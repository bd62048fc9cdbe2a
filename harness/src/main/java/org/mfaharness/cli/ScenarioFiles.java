package org.mfaharness.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code scenarios/} folder: the option, else the working directory, else beside the jar. */
final class ScenarioFiles {
    private ScenarioFiles() {
    }

    static Path labDir(Path option) {
        if (option != null) {
            if (!Files.isDirectory(option)) {
                throw new CliException(ExitCodes.NO_INPUT, "scenario folder " + option + " does not exist");
            }
            return option;
        }
        Path cwd = Path.of("scenarios", "lab");
        if (Files.isDirectory(cwd)) {
            return cwd;
        }
        try {
            // harness/target/mfa-harness.jar -> repository root
            Path jar = Path.of(ScenarioFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent() == null ? null : jar.getParent().getParent() == null ? null : jar.getParent().getParent().getParent();
            if (root != null && Files.isDirectory(root.resolve("scenarios/lab"))) {
                return root.resolve("scenarios/lab");
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the error
        }
        throw new CliException(ExitCodes.NO_INPUT, "cannot find scenarios/lab: run from the repository or pass --scenarios DIR");
    }
}
