package org.mfaharness.certify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.cli.CliHarness;
import org.mfaharness.lab.config.Directory;
import org.mfaharness.lab.idp.IdpMetadata;
import org.mfaharness.lab.sign.SigningKey;

/** {@code mfa-harness certify} on the command line, in-process: help, usage errors, bad input, output shapes. */
class CertifyCommandTest {
    /** Trailing content after the document fails the parse: stdout must hold exactly one JSON document. */
    static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    @TempDir
    Path dir;

    Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    Path wsfedMetadata() throws Exception {
        Directory.DomainInfo d = new Directory.DomainInfo("contoso.example", "t", Directory.Protocol.WSFED,
                new Directory.IdpInfo("adfs", Directory.Protocol.WSFED, "adfs.contoso.example", "AD FS"), null, null, null,
                "http://contoso.example/adfs/services/trust", null, null);
        return write("FederationMetadata.xml", IdpMetadata.of(d, "https://adfs.contoso.example",
                SigningKey.generate("adfs", Duration.ofDays(1)).certificate()));
    }

    static void assertOneLineUsageError(CliHarness.Run r, String text) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(64);
        assertThat(r.err().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("mfa-harness: ").contains(text);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpTeachesThePlansTheExitCodesAndTheLabAcceptanceRun() {
        CliHarness.Run r = CliHarness.run("certify", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--plan", "--metadata", "--scenario", "--lab", "--allow-remote", "wsfed", "saml2", "eam",
                "certificate.html", "NOT RUN", "Exit codes:", "65  metadata unusable", "trusts only");
        assertThat(CliHarness.run("--help").out()).contains("certify");
    }

    @Test
    void usageErrorsAreOneLineAndExit64() throws Exception {
        assertOneLineUsageError(CliHarness.run("certify"), "--plan is required");
        assertOneLineUsageError(CliHarness.run("certify", "--plan", "oidc", "--metadata", "x"), "--plan must be wsfed, saml2 or eam");
        assertOneLineUsageError(CliHarness.run("certify", "--plan", "wsfed"), "--metadata is required");
        assertOneLineUsageError(CliHarness.run("certify", "--lab", "--metadata", "x"), "--lab runs the built-in behaviours");
        assertOneLineUsageError(CliHarness.run("certify", "--lab", "--tenant-id", "x", "--product", "p"), "--product, --tenant-id do not apply");
        assertOneLineUsageError(CliHarness.run("certify", "--lab", "--cloud", "usgov"), "--cloud does not apply");
        assertOneLineUsageError(CliHarness.run("certify", "--plan", "wsfed", "--metadata", "x", "--tenant-id", "y"), "apply to --plan eam only");
        assertOneLineUsageError(CliHarness.run("certify", "--plan", "wsfed", "--metadata", "x", "--client-id", "y"), "apply to --plan eam only");
        assertOneLineUsageError(CliHarness.run("certify", "--plan", "saml2", "--metadata", "x", "--cloud", "lab"), "certify --lab");
        assertOneLineUsageError(CliHarness.run("certify", "--plan", "saml2", "--metadata", "x", "--format", "xml"), "--format");
    }

    @Test
    void unreadableOrUnusableMetadataExits66Or65WithOneLineAndNoRunFolder() throws Exception {
        Path out = dir.resolve("reports");
        CliHarness.Run missing = CliHarness.run("certify", "--plan", "wsfed", "--metadata", dir.resolve("nope.xml").toString(),
                "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(66);
        assertThat(missing.err()).contains("nope.xml: no such file");
        CliHarness.Run html = CliHarness.run("certify", "--plan", "saml2", "--metadata", write("page.xml", "<html><p>login</p></html>").toString(),
                "--out", out.toString());
        assertThat(html.exitCode()).isEqualTo(65);
        assertThat(html.err().strip()).startsWith("mfa-harness: ").contains("not SAML/federation metadata").doesNotContain("\n");
        CliHarness.Run json = CliHarness.run("certify", "--plan", "eam", "--metadata", write("d.json", "\"just a string\"").toString(),
                "--out", out.toString());
        assertThat(json.exitCode()).isEqualTo(65);
        assertThat(json.err()).contains("not a JSON object");
        assertThat(out).doesNotExist();
    }

    @Test
    void withoutAScenarioOnlyTheMetadataModulesRunAndTheReportSaysSo() throws Exception {
        Path out = dir.resolve("reports");
        CliHarness.Run r = CliHarness.run("certify", "--plan", "wsfed", "--metadata", wsfedMetadata().toString(), "--out", out.toString(),
                "--format", "json", "--product", "Contoso AD FS");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode c = JSON.readTree(r.out());
        assertThat(c.get("overall").asText()).isEqualTo("INCOMPLETE");
        assertThat(c.get("product").asText()).isEqualTo("Contoso AD FS");
        List<String> passed = new ArrayList<>();
        for (JsonNode m : c.get("modules")) {
            if (m.get("outcome").asText().equals("PASS")) {
                passed.add(m.get("name").asText());
            } else {
                assertThat(m.get("outcome").asText()).isEqualTo("NOT_RUN");
                assertThat(m.get("message").asText()).contains("No --scenario was given");
            }
        }
        assertThat(passed).containsExactly("MetadataHasValidSigningCertificate", "MetadataNamesPassiveEndpoint", "MetadataSigningKeyIsStrong");
        assertThat(c.get("notes").get(0).asText()).startsWith("Live modules could not run");
        Path cert = Path.of(c.get("certificate").asText());
        assertThat(Files.readString(cert)).contains("incomplete: some modules could not run");
        try (Stream<Path> s = Files.list(cert.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString()).toList())
                    .contains("result.json", "index.html", "junit.xml", "evidence.zip", "certificate.html");
        }
        CliHarness.Run text = CliHarness.run("certify", "--plan", "wsfed", "--metadata", wsfedMetadata().toString(), "--out", out.toString());
        assertThat(text.out()).contains("PASS    MetadataNamesPassiveEndpoint").contains("NOT RUN StepUpYieldsDocumentedMfaClaim")
                .contains("overall: incomplete").contains("certificate: ");
    }

    @Test
    void aMissingSecretStopsTheRunBeforeAnyBrowserWithItsName() throws Exception {
        Path s = write("user.yaml", "cloud: public\nuser:\n  upn: admin@contoso.example\n  password: env:MFA_HARNESS_CERTIFY_TEST_UNSET\n");
        CliHarness.Run r = CliHarness.run("certify", "--plan", "wsfed", "--metadata", wsfedMetadata().toString(), "--scenario", s.toString(),
                "--browser", "htmlunit", "--out", dir.resolve("reports").toString());
        assertOneLineUsageError(r, "environment variable MFA_HARNESS_CERTIFY_TEST_UNSET is not set");
        Path inline = write("inline.yaml", "user:\n  upn: admin@contoso.example\n  password: hunter2hunter2\n");
        CliHarness.Run bad = CliHarness.run("certify", "--plan", "wsfed", "--metadata", wsfedMetadata().toString(), "--scenario",
                inline.toString(), "--browser", "htmlunit");
        assertOneLineUsageError(bad, "secrets are referenced, never written inline");
        assertThat(bad.err()).doesNotContain("hunter2");
    }

    @Test
    void theEamPlanNeedsTheHintsIdentifiersAndRefusesToPublishRemotelyUnasked() throws Exception {
        Path s = write("user.yaml", "user:\n  upn: admin@contoso.example\n");
        Path d = write("discovery.json", "{\"issuer\":\"https://mfa.example\"}");
        assertOneLineUsageError(CliHarness.run("certify", "--plan", "eam", "--metadata", d.toString(), "--scenario", s.toString(),
                "--browser", "htmlunit"), "needs --client-id, --user-object-id and a tenant id");
        CliHarness.Run remote = CliHarness.run("certify", "--plan", "eam", "--metadata", d.toString(), "--publish", "192.0.2.10:8700",
                "--browser", "htmlunit", "--out", dir.resolve("reports").toString());
        assertOneLineUsageError(remote, "is not a loopback address: publishing there needs --allow-remote");
        assertOneLineUsageError(CliHarness.run("certify", "--plan", "eam", "--metadata", d.toString(), "--allow-remote"),
                "--allow-remote applies to --publish only");
        assertOneLineUsageError(CliHarness.run("certify", "--plan", "eam", "--metadata", d.toString(), "--publish-url", "https://t.example"),
                "--publish-url applies to --publish only");
    }

    @Test
    void anOutputFolderThatCannotBeCreatedStopsTheLabRunBeforeItStarts() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        CliHarness.Run r = CliHarness.run("certify", "--lab", "--plan", "wsfed", "--out", file.resolve("sub").toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(73);
        assertThat(r.err().lines()).as("nothing ran: no progress, only the error").hasSize(1);
        assertThat(r.err()).startsWith("mfa-harness: cannot create the output folder " + file.resolve("sub") + ": ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theLabAcceptanceJsonHasTheDocumentedShape() throws Exception {
        CliHarness.Run r = CliHarness.run("certify", "--lab", "--plan", "saml2", "--format", "json", "--browser", "htmlunit",
                "--out", dir.resolve("lab").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode d = JSON.readTree(r.out());
        assertThat(d.fieldNames()).toIterable().containsExactly("total", "met", "plans");
        assertThat(d.get("total").asInt()).isEqualTo(10);
        assertThat(d.get("met").asInt()).isEqualTo(10);
        for (JsonNode p : d.get("plans")) {
            assertThat(p.fieldNames()).toIterable().containsExactly("plan", "behaviour", "expected", "actual", "met");
            assertThat(p.get("plan").asText()).isEqualTo("saml2");
            assertThat(p.get("met").asBoolean()).isTrue();
            assertThat(p.get("actual")).isEqualTo(p.get("expected"));
        }
        assertThat(r.err()).contains("[saml2]");
    }
}
