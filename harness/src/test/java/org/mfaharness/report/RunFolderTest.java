package org.mfaharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.testing.Judging;
import org.mfaharness.testing.Tokens;
import org.mfaharness.testing.WsFedBuilder;
import org.mfaharness.verify.chain.ChainJudgement;
import org.w3c.dom.Document;

/** A run folder: every file written whole, machine files private, hostile artifact text escaped, bundles read safely. */
class RunFolderTest {
    @TempDir
    Path reports;

    static final String SCRIPT = "<script>alert(1)</script>";

    RunInfo run(String name) {
        Instant now = Instant.now();
        return new RunInfo(name, "inspect", "public", null, null, null, now, now, now, "default");
    }

    Path writeRun(String text, String name) throws IOException {
        ChainJudgement c = Judging.judge(text, Judging.trusting());
        Path dir = RunFolder.create(reports, name, Instant.now());
        RunFolder.write(dir, new RunReport(run(name), c, Judging.trusting().trust(), null, 42), "test");
        return dir;
    }

    @Test
    void aRunFolderHoldsEveryFileWithPrivateModesForMachineFiles() throws IOException {
        Path dir = writeRun(WsFedBuilder.rstr().build(), "WS-Fed / no claim");
        assertThat(dir.getFileName().toString()).matches("\\d{8}T\\d{6}Z-ws-fed-no-claim");
        for (String f : List.of(RunFolder.RESULT, RunFolder.HTML, RunFolder.JUNIT, RunFolder.EVIDENCE)) {
            assertThat(dir.resolve(f)).exists();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(RunFolder.RESULT)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(RunFolder.EVIDENCE)))).isEqualTo("rw-------");
        assertThat(Files.readSymbolicLink(reports.resolve("latest"))).isEqualTo(dir.getFileName());
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void resultJsonKeepsTheWholeAssertionSoTheRunCanBeRejudged() throws IOException {
        String xml = WsFedBuilder.rstr().authenticationMethod(WsFedBuilder.MULTIPLEAUTHN).build();
        JsonNode r = new ObjectMapper().readTree(writeRun(xml, "keep").resolve(RunFolder.RESULT).toFile());
        assertThat(r.get("artifacts").get(0).get("raw").asText()).isEqualTo(xml);
        assertThat(r.get("trust").get("certificates").get(0).asText()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(r.get("sentence").asText()).startsWith("Partner Center would accept this sign-in");
    }

    @Test
    void shareModeStripsSignaturesFromTheMachineFiles() throws IOException {
        String jwt = Tokens.entra(Tokens.partnerCenterAccessToken(List.of("mfa")));
        ChainJudgement c = Judging.judge(jwt, Judging.trusting());
        Path dir = RunFolder.create(reports, "share", Instant.now());
        Instant now = Instant.now();
        RunFolder.write(dir, new RunReport(new RunInfo("share", "inspect", "public", null, null, null, now, now, now, "share"), c,
                Judging.trusting().trust(), null, 1), "test");
        String raw = new ObjectMapper().readTree(dir.resolve(RunFolder.RESULT).toFile()).get("artifacts").get(0).get("raw").asText();
        assertThat(raw).endsWith(SignatureStripper.MARK).doesNotContain(jwt.substring(jwt.lastIndexOf('.') + 1));
    }

    @Test
    void hostileValuesInAnAssertionAreEscapedInTheHtml() throws IOException {
        String xml = WsFedBuilder.rstr().authenticationMethod("javascript:alert(1)\"><img src=x onerror=alert(1)>" + SCRIPT)
                .attribute("name", "urn:x", SCRIPT).build();
        String html = Files.readString(writeRun(xml, "hostile").resolve(RunFolder.HTML));
        assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img src=x").doesNotContain("href=\"javascript:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'").doesNotContain("<script");
    }

    @Test
    void aHostileTokenStillRendersEveryFileAndTheJunitXmlParses() throws Exception {
        Map<String, Object> claims = new java.util.LinkedHashMap<>(Tokens.partnerCenterAccessToken(List.of("mfa")));
        claims.put("exp", 1e308);
        claims.put("nbf", new java.math.BigInteger("99999999999999999999999"));
        claims.put("name", "x\uFFFE\uFFFF\uD800y\u0001");
        Path dir = writeRun(Tokens.entra(claims), "hostile-token");
        assertThat(Files.readString(dir.resolve(RunFolder.HTML))).contains("+999999999-12-31T23:59:59Z");
        var parser = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder();
        assertThat(parser.parse(dir.resolve(RunFolder.JUNIT).toFile()).getDocumentElement().getTagName()).isEqualTo("testsuites");
        assertThat(JunitXml.clean("a\uFFFE\uD800b\u0000\t")).isEqualTo("a??b?\t");
        assertThat(JunitXml.clean(null)).isEmpty();
    }

    @Test
    void onlyHttpLinksAreRendered() {
        assertThat(HtmlReport.safeHref("https://learn.microsoft.com/x")).isEqualTo("https://learn.microsoft.com/x");
        assertThat(HtmlReport.safeHref("javascript:alert(1)")).isNull();
        assertThat(HtmlReport.safeHref(" JavaScript:alert(1)")).isNull();
        assertThat(HtmlReport.safeHref("data:text/html,<b>")).isNull();
        assertThat(HtmlReport.safeHref("//evil.test/x")).isNull();
        assertThat(HtmlReport.safeHref("docs/spec/mfa-claims.md")).isNull();
    }

    @Test
    void junitXmlIsWellFormedWithOneCasePerCheckAndTheReasonCodeAsFailureType() throws Exception {
        Path dir = writeRun(WsFedBuilder.rstr().build(), "junit");
        Document d = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(dir.resolve(RunFolder.JUNIT).toFile());
        var suite = (org.w3c.dom.Element) d.getElementsByTagName("testsuite").item(0);
        assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(d.getElementsByTagName("testcase").getLength()).isGreaterThan(3);
        assertThat(Integer.parseInt(suite.getAttribute("failures"))).isEqualTo(d.getElementsByTagName("failure").getLength()).isPositive();
        boolean noClaim = false;
        var failures = d.getElementsByTagName("failure");
        for (int i = 0; i < failures.getLength(); i++) {
            noClaim |= ((org.w3c.dom.Element) failures.item(i)).getAttribute("type").equals("WSF_NO_MFA_CLAIM");
        }
        assertThat(noClaim).isTrue();
    }

    @Test
    void theEvidenceBundleIsReadBackWithinItsLimits() throws IOException {
        Path dir = writeRun(WsFedBuilder.rstr().build(), "bundle");
        var entries = EvidenceBundle.read(dir.resolve(RunFolder.EVIDENCE));
        assertThat(entries).containsKey(RunFolder.RESULT);
        assertThat(EvidenceBundle.looksLikeZip(dir.resolve(RunFolder.EVIDENCE))).isTrue();
    }

    @Test
    void aBundleWithAPathTraversalEntryIsRefused() throws IOException {
        Path zip = reports.resolve("evil.zip");
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("../../etc/passwd"));
            z.write("x".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertThatThrownBy(() -> EvidenceBundle.read(zip)).hasMessageContaining("unsafe name");
    }

    @Test
    void aZipBombIsStoppedByCountingBytesRead() throws IOException {
        Path zip = reports.resolve("bomb.zip");
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry(RunFolder.RESULT));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> EvidenceBundle.read(zip, 16 * 1024 * 1024, 32 * 1024 * 1024)).hasMessageContaining("size limit");
    }
}
