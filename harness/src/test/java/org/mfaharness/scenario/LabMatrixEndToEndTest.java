package org.mfaharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.lab.Lab;
import org.mfaharness.lab.LabMode;
import org.mfaharness.lab.LabUser;
import org.mfaharness.scenario.browser.BrowserFactory;
import org.mfaharness.scenario.browser.BrowserKind;
import org.mfaharness.totp.Totp;
import org.mfaharness.verify.trust.Jwks;
import org.mfaharness.verify.trust.TrustMaterial;

/**
 * The product's main job, end to end: the built-in matrix runs against the lab in named mode, through the harness
 * proxy, in headless Chromium and in HtmlUnit, with real MSAL4J; every scenario meets its expectation (verdict,
 * MFA reading, attribution, reason codes, AADSTS code); and no output file holds a lab user's password, TOTP seed
 * or code, a cookie value or a refresh token. One scenario also runs on a chromedriver started as a W3C endpoint.
 */
class LabMatrixEndToEndTest {
    static Lab lab;
    static List<Scenario> matrix;
    static Instant started;
    @TempDir
    static Path reports;

    @BeforeAll
    static void startLab() throws Exception {
        assertThat(BrowserFactory.chromiumInstalled()).as("Chromium is installed by .ci/run").isTrue();
        lab = Lab.builder().mode(LabMode.NAMED).start();
        matrix = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("../scenarios/lab"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                matrix.add(ScenarioLoader.load(f));
            }
        }
        started = Instant.now();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    static ScenarioRunner runner(BrowserKind kind, URL grid, Path out) throws Exception {
        TrustMaterial trust = new TrustMaterial(List.of(), null, Jwks.parse(lab.entraJwks(), "lab"), Jwks.parse(lab.eamJwks(), "lab eam"), null);
        List<java.security.cert.X509Certificate> certs = new ArrayList<>();
        for (String idp : List.of("adfs", "saml")) {
            certs.addAll(org.mfaharness.verify.trust.Certificates.parse(lab.idpCertificatePem(idp), idp));
        }
        return new ScenarioRunner(new ScenarioRunner.Environment(lab, kind, grid, out, trust.withCertificates(certs), "test", line -> { }));
    }

    static List<ScenarioBatch.Result> runMatrix(BrowserKind kind, Path out, int parallel) throws Exception {
        ScenarioRunner r = runner(kind, null, out);
        return ScenarioBatch.run(r, matrix, ScenarioBatch.resolveAll(r, matrix, System.getenv()), parallel);
    }

    static void assertAllMet(List<ScenarioBatch.Result> results) {
        assertThat(results).hasSize(matrix.size());
        for (ScenarioBatch.Result r : results) {
            assertThat(r.crash()).as(r.scenario().name()).isNull();
            assertThat(r.outcome().mismatches()).as(r.scenario().name() + " flow: " + r.outcome().flowError()).isEmpty();
        }
    }

    @Test
    void theMatrixMeetsEveryExpectationInChromiumAndNoOutputFileHoldsASecret() throws Exception {
        Path out = reports.resolve("chromium");
        List<ScenarioBatch.Result> results = runMatrix(BrowserKind.CHROMIUM, out, 2);
        assertAllMet(results);
        assertNoSecretsIn(out);
    }

    @Test
    void theMatrixMeetsEveryExpectationInHtmlUnit() throws Exception {
        Path out = reports.resolve("htmlunit");
        assertAllMet(runMatrix(BrowserKind.HTMLUNIT, out, 2));
        assertNoSecretsIn(out);
    }

    @Test
    void aScenarioRunsOnAChromedriverStartedAsARemoteWebDriverEndpoint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process driver = new ProcessBuilder(BrowserFactory.CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URL grid = new URL("http://127.0.0.1:" + port);
            waitForStatus(grid);
            Scenario s = matrix.stream().filter(x -> x.name().equals("wsfed-claim-enforce")).findFirst().orElseThrow();
            ScenarioRunner r = runner(BrowserKind.REMOTE, grid, reports.resolve("remote"));
            RunOutcome o = r.run(s, r.resolve(s, System.getenv()));
            assertThat(o.mismatches()).as("flow: " + o.flowError()).isEmpty();
        } finally {
            driver.destroy();
            driver.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static void waitForStatus(URL grid) throws Exception {
        for (int i = 0; i < 50; i++) {
            try (InputStream in = new URL(grid, "/status").openStream()) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("ready")) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("chromedriver did not start on " + grid);
    }

    /**
     * Scans every output file (and every entry of every evidence.zip) for the lab users' secrets: every user's password
     * and TOTP seed anywhere, and — in each scenario's run folder — its own user's TOTP codes of the run's time steps
     * wherever they could stand as a value (a JSON string, a form or header value). Codes of other users are not
     * looked for: six random digits would match unrelated numbers (sizes, ports) by chance.
     */
    static void assertNoSecretsIn(Path out) throws IOException {
        Set<String> secrets = new LinkedHashSet<>();
        for (LabUser u : lab.users()) {
            secrets.add(u.password());
            secrets.add(u.totpSeed());
        }
        List<String[]> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String folder = f.getParent().getFileName().toString();
                if (f.toString().endsWith(".zip")) {
                    try (ZipInputStream z = new ZipInputStream(Files.newInputStream(f))) {
                        ZipEntry e;
                        while ((e = z.getNextEntry()) != null) {
                            texts.add(new String[] {f + "!" + e.getName(), folder, new String(z.readAllBytes(), StandardCharsets.UTF_8)});
                        }
                    }
                } else {
                    texts.add(new String[] {f.toString(), folder, Files.readString(f, StandardCharsets.UTF_8)});
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(matrix.size() * 5);
        Pattern cookie = Pattern.compile("\"name\"\\s*:\\s*\"(?i:cookie|set-cookie)\"\\s*,\\s*\"value\"\\s*:\\s*\"([^\"]*)\"");
        Pattern refresh = Pattern.compile("refresh_token[\"']?\\s*[:=]\\s*\"?([^\"&,}\\s]+)");
        for (String[] t : texts) {
            String name = t[0];
            String text = t[2];
            for (String s : secrets) {
                if (text.contains(s)) {
                    throw new AssertionError(name + " holds a secret of a lab user (" + s.length() + " characters)");
                }
            }
            for (String code : ownCodes(t[1])) {
                if (Pattern.compile("(\"|=|: ?)" + code + "(\"|&|$|\\s)").matcher(text).find()) {
                    throw new AssertionError(name + " holds a TOTP code of its scenario's user");
                }
            }
            Matcher m = cookie.matcher(text);
            while (m.find()) {
                for (String part : m.group(1).split(";")) {
                    String v = part.contains("=") ? part.substring(part.indexOf('=') + 1).strip() : "";
                    assertThat(v).as(name + " cookie value").isIn("REDACTED", "");
                    break;
                }
            }
            Matcher r = refresh.matcher(text);
            while (r.find()) {
                assertThat(r.group(1)).as(name + " refresh token").isEqualTo("REDACTED");
            }
        }
    }

    /** The TOTP codes, over the test's time steps, of the user of the scenario whose run folder this is. */
    static List<String> ownCodes(String runFolder) {
        for (Scenario s : matrix) {
            if (runFolder.endsWith("-" + org.mfaharness.report.RunFolder.slug(s.name()))) {
                LabUser u = lab.user(s.user().upn()).orElseThrow();
                Totp t = Totp.fromBase32(u.totpSeed());
                List<String> codes = new ArrayList<>();
                for (long c = t.counterAt(started) - 2; c <= t.counterAt(Instant.now()) + 2; c++) {
                    codes.add(t.codeForCounter(c));
                }
                return codes;
            }
        }
        return List.of();
    }

    @Test
    void theSecretScanFindsAPlantedPassword() throws Exception {
        Path planted = reports.resolve("planted");
        Files.createDirectories(planted);
        for (int i = 0; i < matrix.size() * 5 + 1; i++) {
            Files.writeString(planted.resolve("f" + i + ".txt"), "nothing here");
        }
        Files.writeString(planted.resolve("leak.json"), "{\"note\":\"" + lab.users().get(0).password() + "\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertNoSecretsIn(planted))
                .hasMessageContaining("leak.json").hasMessageNotContaining(lab.users().get(0).password());
        Files.delete(planted.resolve("leak.json"));
        Path run = Files.createDirectories(planted.resolve("20261201T000000Z-wsfed-reject"));
        String code = ownCodes(run.getFileName().toString()).get(2);
        Files.writeString(run.resolve("capture.har"), "{\"name\":\"otc\",\"value\":\"" + code + "\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertNoSecretsIn(planted)).hasMessageContaining("TOTP code");
    }

    @Test
    void theSummaryJsonOfTheLabCommandHasTheDocumentedShape() throws Exception {
        Path out = reports.resolve("cli");
        StringWriterPair o = StringWriterPair.run("lab", "--scenario", "wsfed-noclaim-accept", "--format", "json",
                "--scenarios", "../scenarios/lab", "--out", out.toString());
        JsonNode d = new ObjectMapper().readTree(o.out());
        assertThat(d.get("total").asInt()).isEqualTo(1);
        assertThat(d.get("met").asInt()).isEqualTo(1);
        JsonNode s = d.get("scenarios").get(0);
        assertThat(s.fieldNames()).toIterable().contains("name", "verdict", "mfa", "mfaBy", "reason", "met", "runDir");
        assertThat(s.get("mfaBy").asText()).isEqualTo("entra");
        assertThat(o.code()).isZero();
        assertThat(o.err()).contains("[wsfed-noclaim-accept]");
    }

    /** Runs the CLI in-process. */
    record StringWriterPair(int code, String out, String err) {
        static StringWriterPair run(String... args) {
            var r = org.mfaharness.cli.CliHarness.run(args);
            return new StringWriterPair(r.exitCode(), r.out(), r.err());
        }
    }
}
