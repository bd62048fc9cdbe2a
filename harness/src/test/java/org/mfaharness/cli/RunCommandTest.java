package org.mfaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mfa-harness run}: scenario files that cannot run stop it before any proxy or browser, in one line. */
class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMissingScenarioFileIsInputNotFound() {
        Path missing = dir.resolve("nonexist.yaml");
        CliHarness.Run r = CliHarness.run("run", "--out", dir.resolve("out").toString(), missing.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(r.err().strip()).isEqualTo("mfa-harness: " + missing + ": no such file");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aFolderGivenAsTheScenarioCannotBeRead() {
        CliHarness.Run r = CliHarness.run("run", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(r.err()).contains(dir + ": cannot be read (it is a folder").hasLineCount(1);
    }

    @Test
    void anInvalidScenarioStaysAUsageError() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "user: {upn: a@b.test, password: env:P}\nsteps: [{click: [1, 2]}]\n");
        CliHarness.Run r = CliHarness.run("run", bad.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("mfa-harness: " + bad + ": steps[0].click: must be a string, not a list");
    }

    @Test
    void aKeyGivenTwiceIsAUsageErrorNamingTheKeyAndLine() throws Exception {
        Path twice = Files.writeString(dir.resolve("twice.yaml"),
                "user: {upn: a@b.test, password: env:P}\nexpect: {verdict: PASS}\nexpect: {verdict: FAIL}\n");
        CliHarness.Run r = CliHarness.run("run", twice.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("mfa-harness: " + twice + ": line 3: key 'expect' appears twice in the same "
                + "mapping (give each key once)");
    }
}
