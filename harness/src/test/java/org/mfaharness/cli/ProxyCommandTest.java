package org.mfaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `proxy` refuses before it binds anything: each a one-line error with its documented exit code. */
class ProxyCommandTest {
    @TempDir
    Path dir;

    @Test
    void anUpstreamCaThatIsNotAPemCertificateIsUnusableTrustMaterial() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.bin"), new byte[] {0x00, (byte) 0xff, 0x13, 0x37});

        CliHarness.Run r = CliHarness.run("proxy", "--upstream-ca", garbage.toString(), "--har", dir.resolve("x.har").toString(),
                "--out", dir.resolve("reports").toString());

        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err().strip()).isEqualTo("mfa-harness: --upstream-ca " + garbage + ": not a PEM certificate file");
        assertThat(dir.resolve("x.har")).doesNotExist();
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void aMissingUpstreamCaIsMissingInput() {
        CliHarness.Run r = CliHarness.run("proxy", "--upstream-ca", dir.resolve("none.pem").toString(), "--out",
                dir.resolve("reports").toString());

        assertThat(r.exitCode()).isEqualTo(66);
        assertThat(r.err().strip()).endsWith("none.pem: cannot be read (no such file or folder: " + dir.resolve("none.pem") + ")");
    }

    @Test
    void aNonLoopbackBindNamesTheFlagThatAllowsIt() {
        CliHarness.Run r = CliHarness.run("proxy", "--bind", "0.0.0.0", "--out", dir.resolve("reports").toString());

        assertThat(r.exitCode()).isEqualTo(64);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("--allow-remote").doesNotContain("allowRemote");
        assertThat(dir.resolve("reports")).isEmptyDirectory();
    }
}
