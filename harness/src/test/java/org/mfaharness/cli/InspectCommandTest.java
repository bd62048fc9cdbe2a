package org.mfaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.testing.Tokens;
import org.mfaharness.testing.WsFedBuilder;

/** The inspect contract: formats, exit codes, errors, as other tools and scripts rely on them. */
class InspectCommandTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    @TempDir
    Path dir;

    Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void jsonModePrintsExactlyOneJsonDocumentWithTheContractFields() throws Exception {
        Path f = write("rstr.xml", WsFedBuilder.rstr().authenticationMethod(WsFedBuilder.MULTIPLEAUTHN).build());
        Path pem = write("idp.pem", TestKeys.IDP.certificatePem());
        CliHarness.Run r = CliHarness.run("inspect", "--trust-cert", pem.toString(), "--format", "json", f.toString());
        assertThat(r.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(new ObjectMapper().readerFor(JsonNode.class).readValues(r.out()).readAll()).hasSize(1);
        assertThat(doc.get("verdict").asText()).isEqualTo("PASS");
        assertThat(doc.get("mfa").asText()).isEqualTo("PRESENT");
        JsonNode a = doc.get("artifacts").get(0);
        assertThat(a.get("kind").asText()).isEqualTo("wsfed-rstr");
        assertThat(a.get("findings").get(0).fieldNames()).toIterable()
                .contains("code", "severity", "message", "evidence", "remediation", "source");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void exitCodesFollowTheVerdict() throws Exception {
        Path pass = write("pass.jwt", Tokens.entra(Tokens.partnerCenterAccessToken(List.of("mfa"))));
        Path jwks = write("jwks.json", Tokens.entraJwks());
        assertThat(CliHarness.run("inspect", "--jwks", jwks.toString(), pass.toString()).exitCode()).isEqualTo(0);
        assertThat(CliHarness.run("inspect", pass.toString()).exitCode()).as("no trust: INCONCLUSIVE").isEqualTo(2);
        Path fail = write("fail.jwt", Tokens.entra(Tokens.partnerCenterAccessToken(List.of("pwd"))));
        assertThat(CliHarness.run("inspect", "--jwks", jwks.toString(), fail.toString()).exitCode()).isEqualTo(1);
        Path warn = write("warn.jwt", Tokens.entra(Tokens.partnerCenterAccessToken(List.of("ngcmfa"))));
        assertThat(CliHarness.run("inspect", "--jwks", jwks.toString(), warn.toString()).exitCode()).isEqualTo(0);
    }

    @Test
    void theTextViewPutsTheVerdictFirstAndShortensSignatures() throws Exception {
        Path f = FIXTURES.resolve("ms-identitymodel/ReferenceTests.VerifyReference.saml2.xml");
        CliHarness.Run r = CliHarness.run("inspect", "--trust-cert",
                FIXTURES.resolve("ms-identitymodel/adfs-signing-sts.sub2.fracas365.msftonlinerepro.com.pem").toString(),
                "--at", "2017-05-08T15:00:00Z", f.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("Verdict: FAIL");
        assertThat(r.out()).contains("WSF_NO_MFA_CLAIM", "▶", "…(344 chars)").doesNotContain("RY27lz0BoNkWK+67Bdg");
    }

    @Test
    void unreadableInputExitsTwoWithAOneLineReason() throws Exception {
        CliHarness.Run r = CliHarness.run("inspect", write("junk.txt", "no token here").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1).first().asString().contains("junk.txt");
    }

    @Test
    void unreadableInputInJsonModeStillPrintsOneDocument() throws Exception {
        CliHarness.Run r = CliHarness.run("inspect", "--format", "json", write("junk.txt", "no token here").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(r.out()).get("verdict").asText()).isEqualTo("INCONCLUSIVE");
    }

    @Test
    void aMissingFileExits66() {
        CliHarness.Run r = CliHarness.run("inspect", dir.resolve("nope.xml").toString());
        assertThat(r.exitCode()).isEqualTo(66);
        assertThat(r.err()).contains("no such file").doesNotContain("Exception");
    }

    @Test
    void unusableTrustMaterialExits65() throws Exception {
        CliHarness.Run r = CliHarness.run("inspect", "--trust-cert", write("bad.pem", "not a certificate!").toString(),
                write("t.jwt", "x").toString());
        assertThat(r.exitCode()).isEqualTo(65);
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void invalidOptionsExit64NotPicocli2() {
        assertThat(CliHarness.run("inspect", "--bogus", "x").exitCode()).isEqualTo(64);
        assertThat(CliHarness.run("inspect", "--at", "yesterday", "x").exitCode()).isEqualTo(64);
        assertThat(CliHarness.run("inspect", "--cloud", "mars", "x").exitCode()).isEqualTo(64);
        assertThat(CliHarness.run("inspect").exitCode()).isEqualTo(64);
        assertThat(CliHarness.run("frobnicate").exitCode()).isEqualTo(64);
    }

    @Test
    void inputThatCannotBeReadStillGivesOneJsonDocumentWithTheReason(@TempDir Path tmp) throws Exception {
        Path huge = tmp.resolve("huge.txt");
        try (var w = Files.newBufferedWriter(huge)) {
            for (long n = 0; n <= InspectCommand.MAX_INPUT_BYTES; n += 1000) {
                w.write("x".repeat(1000));
            }
        }
        Path brokenHar = Files.writeString(tmp.resolve("broken.har"), "{\"log\": {\"version\": \"1.2\", \"entries\": [");
        Path brokenZip = tmp.resolve("broken.zip");
        Files.write(brokenZip, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});

        for (Path p : List.of(huge, brokenHar, brokenZip)) {
            CliHarness.Run r = CliHarness.run("inspect", "--format", "json", p.toString());

            assertThat(r.exitCode()).as(p + ": " + r.err()).isEqualTo(2);
            JsonNode d = new ObjectMapper().readTree(r.out());
            assertThat(d.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
            assertThat(d.get("decisive").get("code").asText()).as(r.out()).isEqualTo("INPUT_UNRECOGNISED");
            assertThat(d.get("decisive").get("message").asText()).as(p.toString()).startsWith("The input could not be read: ");
            assertThat(r.err()).as(p.toString()).doesNotContain("Exception").contains(p.getFileName().toString());
        }
    }

    @Test
    void aUsageErrorIsOneLineThatSaysWhereTheOptionsAreExplained() {
        CliHarness.Run typo = CliHarness.run("inspect", "--fromat", "json", "token.jwt");
        assertThat(typo.err().lines()).as(typo.err()).hasSize(1);
        assertThat(typo.err()).startsWith("mfa-harness: Unknown option").contains("'--fromat'")
                .endsWith("(see 'mfa-harness inspect --help')" + System.lineSeparator());

        CliHarness.Run command = CliHarness.run("frobnicate");
        assertThat(command.err().strip()).isEqualTo("mfa-harness: unknown command 'frobnicate'; the commands are inspect, "
                + "proxy, lab, run, report, certify, help (see 'mfa-harness --help')");

        CliHarness.Run missing = CliHarness.run("report");
        assertThat(missing.err().lines()).as(missing.err()).hasSize(1);
        assertThat(missing.err()).contains("RUN_DIR");
    }

    @Test
    void theCommandListGivesEachCommandsWholeSummary() {
        String help = CliHarness.run("--help").out();
        for (String command : List.of("inspect", "proxy", "lab", "run", "report", "certify")) {
            String line = help.lines().filter(l -> l.startsWith("  " + command + " ")).findFirst().orElseThrow();
            assertThat(line.strip()).as(command).matches(command + " +[A-Z].*[.?]");
        }
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        CliHarness.Run help = CliHarness.run("inspect", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--trust-cert", "--jwks", "--at", "Exit codes");
        assertThat(CliHarness.run("inspect", "--version").out()).startsWith("mfa-harness ");
        assertThat(CliHarness.run("--help").out()).contains("inspect");
    }

    @Test
    void standardInputIsReadWithADash() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("AADSTS50079: MFA required".getBytes(StandardCharsets.UTF_8)));
            CliHarness.Run r = CliHarness.run("inspect", "--format", "json", "-");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(new ObjectMapper().readTree(r.out()).get("artifacts").get(0).get("decisive").asText())
                    .isEqualTo("ENTRA_REQUIRES_IDP_MFA_CLAIM");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void theEamKindCanBeForced() throws Exception {
        Path f = write("eam.jwt", Tokens.EAM.sign(java.util.Map.of("iss", "https://eam.test", "amr", List.of("mfa"))));
        CliHarness.Run r = CliHarness.run("inspect", "--kind", "eam", "--format", "json", f.toString());
        assertThat(new ObjectMapper().readTree(r.out()).get("artifacts").get(0).get("kind").asText()).isEqualTo("eam-id-token");
    }
}
