package org.mfaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher script after {@code package}: the jar is fresh, so it must not start Maven (nothing on stderr), and
 * it must {@code exec} java so exit codes and signals pass straight through.
 */
class LauncherIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String LAUNCHER = ROOT.resolve("mfa-harness").toString();

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(LAUNCHER));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        Process p = new ProcessBuilder(cmd).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theReadmeMainCommandRunsWithoutRebuildingAndExitsWithTheVerdict() throws Exception {
        Result r = run("inspect", "--trust-cert", "docs/samples/adfs-signing.pem", "--at", "2017-05-08T15:00:00Z",
                "docs/samples/adfs-saml11-assertion.xml");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).startsWith("Verdict: FAIL");
        assertThat(r.err()).as("no build output when the jar is fresh").isEmpty();
    }

    @Test
    void theLabMainCommandRunsScenariosAndExitsZeroWhenAllMeetTheirExpectation() throws Exception {
        Result r = run("lab", "--scenario", "wsfed-claim-enforce", "--scenario", "wsfed-noclaim-enforce", "--out", "harness/target/it-reports");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wsfed-claim-enforce", "federated-idp", "2 of 2 scenarios met their expectation");
        assertThat(r.err()).contains("[wsfed-noclaim-enforce]").doesNotContain("Exception");
    }

    @Test
    void jsonOnStdoutIsOneDocumentAndNothingElse() throws Exception {
        Result r = run("inspect", "--format", "json", "docs/samples/adfs-saml11-assertion.xml");
        assertThat(new ObjectMapper().readerFor(Object.class).readValues(r.out()).readAll()).hasSize(1);
    }

    @Test
    void labAndCertifyJsonOnStdoutIsOneDocumentWithProgressOnStderr() throws Exception {
        Result lab = run("lab", "--scenario", "eam-conformant", "--format", "json", "--browser", "htmlunit", "--out", "harness/target/it-reports");
        assertThat(lab.code()).as(lab.err()).isZero();
        assertThat(new ObjectMapper().readerFor(Object.class).readValues(lab.out()).readAll()).hasSize(1);
        assertThat(lab.err()).contains("[eam-conformant]");
        Result certify = run("certify", "--lab", "--plan", "eam", "--format", "json", "--browser", "htmlunit",
                "--out", "harness/target/it-reports");
        assertThat(certify.code()).as(certify.err()).isZero();
        assertThat(new ObjectMapper().readerFor(Object.class).readValues(certify.out()).readAll()).hasSize(1);
        assertThat(certify.err()).contains("[eam]");
    }

    @Test
    void usageErrorsExit64ThroughTheLauncher() throws Exception {
        assertThat(run("--no-such-option").code()).isEqualTo(64);
        assertThat(run("--version").out()).startsWith("mfa-harness ");
    }

    @Test
    void theLauncherExecsJavaSoSignalsReachTheJvm() throws Exception {
        Process p = new ProcessBuilder(LAUNCHER, "inspect", "-").directory(ROOT.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path exe = Path.of("/proc/" + p.pid() + "/exe");
            String target = "";
            for (int i = 0; i < 100 && !target.contains("java"); i++) {
                Thread.sleep(100);
                target = Files.isSymbolicLink(exe) ? Files.readSymbolicLink(exe).toString() : "";
            }
            assertThat(target).as("the launcher's own process became java").contains("java");
            new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("the JVM's exit status for SIGTERM").isEqualTo(143);
        } finally {
            p.destroyForcibly();
        }
    }
}
