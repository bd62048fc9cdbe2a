package org.mfaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code mfa-harness lab} (the matrix): what stops it before the lab or any browser starts, {@code --list}, what
 * {@code --serve} refuses, and what a run reports — the table, the progress and the matrix's {@code junit.xml} for CI.
 */
class LabMatrixCommandTest {
    static final Path SHIPPED = Path.of("../scenarios/lab");
    static final String LAB_USER = "user: {upn: pc-call@managed.lab.test, password: lab, totpSeed: lab}\n";

    @TempDir
    Path dir;

    Path scenarios(String... nameThenYaml) throws Exception {
        Path d = Files.createDirectories(dir.resolve("scenarios"));
        for (int i = 0; i < nameThenYaml.length; i += 2) {
            Files.writeString(d.resolve(nameThenYaml[i] + ".yaml"), nameThenYaml[i + 1]);
        }
        return d;
    }

    static CliHarness.Run lab(Object... args) {
        return CliHarness.run(Stream.concat(Stream.of("lab"), Stream.of(args).map(Object::toString)).toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "steps: [{url-matches: \"[unclosed\", click: '#x'}]|steps[0].url-matches: '[unclosed' is not a valid regular expression",
        "steps: [{click: [1, 2]}]|steps[0].click: must be a string, not a list",
        "steps: [{wait-for: '#x', timeout: -1}]|steps[0].timeout: must be a number of seconds above 0",
        "authority: \"not a url\"|authority: 'not a url' is not an absolute https URL",
        "authority: https://login.microsoftonline.com|authority: the lab's Entra answers at https://login.lab.test only",
    })
    void aBadStepOrAuthorityStopsTheMatrixBeforeTheLabStarts(String caseText) throws Exception {
        String[] c = caseText.split("\\|");
        Path d = scenarios("bad", "cloud: lab\n" + LAB_USER + c[0] + "\n");
        CliHarness.Run r = lab("--browser", "htmlunit", "--scenarios", d, "--out", dir.resolve("out"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("mfa-harness: " + d.resolve("bad.yaml") + ": " + c[1]).hasLineCount(1);
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aScenarioKeyGivenTwiceStopsTheMatrix() throws Exception {
        Path d = scenarios("twice", "cloud: lab\n" + LAB_USER + "expect: {verdict: PASS}\nexpect: {verdict: FAIL}\n");
        CliHarness.Run r = lab("--scenarios", d);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("twice.yaml: line 4: key 'expect' appears twice").hasLineCount(1);
    }

    @Test
    void aConfigThatIsMissingAFolderOrInvalidGivesTheSameCodeAndLineAsUnderServe() throws Exception {
        Path invalid = Files.writeString(dir.resolve("bad-lab.yaml"), "tenants:\n  - id: x\n    colour: blue\n");
        record Case(Path config, int exit, String says) {
        }
        for (Case c : List.of(new Case(dir.resolve("nonexistent.yaml"), ExitCodes.NO_INPUT, "no such file"),
                new Case(dir, ExitCodes.NO_INPUT, "cannot be read (it is a folder"),
                new Case(invalid, ExitCodes.USAGE, "unknown key 'colour'"))) {
            CliHarness.Run matrix = lab("--config", c.config(), "--scenarios", SHIPPED, "--out", dir.resolve("out"));
            CliHarness.Run serve = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> lab("--serve", "--config", c.config()));
            assertThat(matrix.exitCode()).as(c.config().toString()).isEqualTo(c.exit());
            assertThat(serve.exitCode()).as(c.config().toString()).isEqualTo(c.exit());
            assertThat(matrix.err()).contains(c.says()).doesNotContain("internal error").doesNotContain("Exception")
                    .hasLineCount(1).isEqualTo(serve.err());
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anOutputFolderThatCannotBeCreatedFailsBeforeTheLabStarts() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliHarness.Run under = lab("--browser", "htmlunit", "--scenarios", SHIPPED, "--out", file.resolve("reports"));
        assertThat(under.exitCode()).isEqualTo(ExitCodes.CANT_CREATE);
        assertThat(under.err()).isEqualTo("mfa-harness: cannot create the output folder " + file.resolve("reports")
                + ": " + "Not a directory: " + file.resolve("reports") + System.lineSeparator());
        CliHarness.Run itself = lab("--browser", "htmlunit", "--scenarios", SHIPPED, "--out", file);
        assertThat(itself.exitCode()).isEqualTo(ExitCodes.CANT_CREATE);
        assertThat(itself.err()).contains("output folder " + file + " is a file, not a folder").doesNotContain("lab started");
    }

    @Test
    void anEmptyScenarioFolderIsInputNotFound() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not a scenario");
        CliHarness.Run r = lab("--scenarios", empty);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(r.err().strip()).isEqualTo("mfa-harness: no scenario files (*.yaml, *.yml, *.json) in " + empty);
        assertThat(lab("--list", "--scenarios", empty).exitCode()).isEqualTo(ExitCodes.NO_INPUT);
    }

    @Test
    void aLabScenarioNamingAUserTheLabLacksSaysSoBeforeAnyBrowser() throws Exception {
        Path d = scenarios("nobody", "cloud: lab\nuser: {upn: nobody@nowhere.lab.test, password: lab, totpSeed: lab}\n");
        CliHarness.Run r = lab("--browser", "htmlunit", "--scenarios", d, "--out", dir.resolve("out"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(d.resolve("nobody.yaml") + ": user.upn: the lab has no user nobody@nowhere.lab.test")
                .contains("docs/lab.md").doesNotContain("exist only when").doesNotContain("[nobody]");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void listPrintsEveryShippedScenarioWithItsDescriptionAndExpectation() throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(SHIPPED)) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> names.add(p.getFileName().toString().replace(".yaml", "")));
        }
        CliHarness.Run text = lab("--list", "--scenarios", SHIPPED);
        assertThat(text.exitCode()).isZero();
        assertThat(text.err()).isEmpty();
        for (String n : names) {
            assertThat(text.out()).containsPattern("(?m)^" + n + " +\\S");
        }
        assertThat(text.out()).contains("expects verdict PASS; mfa PRESENT; mfaBy federated-idp; reasons WSF_MFA_AUTHNSTMT, "
                + "MFA_BY_FEDERATED_IDP").contains("AADSTS50079").contains(names.size() + " scenario(s) in " + SHIPPED);

        CliHarness.Run json = lab("--list", "--format", "json", "--scenarios", SHIPPED);
        assertThat(json.exitCode()).isZero();
        JsonNode d = new ObjectMapper().readTree(json.out());
        assertThat(d.get("total").asInt()).isEqualTo(names.size());
        List<String> listed = new ArrayList<>();
        d.get("scenarios").forEach(s -> listed.add(s.get("name").asText()));
        assertThat(listed).isEqualTo(names);
        JsonNode enforce = d.get("scenarios").get(names.indexOf("wsfed-noclaim-enforce"));
        assertThat(enforce.get("description").asText()).startsWith("AD FS sends no claim");
        assertThat(enforce.get("expect").get("verdict").asText()).isEqualTo("FAIL");
        assertThat(enforce.get("expect").get("aadsts").asInt()).isEqualTo(50079);
    }

    @Test
    void aScenarioNamedTwiceIsTakenOnce() throws Exception {
        CliHarness.Run r = lab("--list", "--format", "json", "--scenarios", SHIPPED, "--scenario", "wsfed-reject",
                "--scenario", "wsfed-reject");
        assertThat(r.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("total").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--scenario=wsfed-reject", "--scenarios=../scenarios/lab", "--parallel=2", "--format=json",
        "--browser=htmlunit", "--list", "--out=reports"})
    void serveRefusesTheMatrixOptions(String option) {
        CliHarness.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> lab("--serve", option));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("mfa-harness: --serve takes only --config and --direct, not " + option.replaceFirst("=.*", ""))
                .doesNotContain("started");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--parallel=2", "--browser=htmlunit", "--out=reports", "--config=lab.yaml"})
    void listRefusesWhatOnlyARunUses(String option) {
        CliHarness.Run r = lab("--list", "--scenarios", SHIPPED, option);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("mfa-harness: --list only reads the scenario files, it takes no " + option.replaceFirst("=.*", ""));
        assertThat(r.out()).isEmpty();
    }

    /**
     * A met PASS scenario, a met expected-FAIL scenario whose flow stopped with the expected AADSTS code, and a
     * scenario without {@code expect:} whose step never finds its element: the table and the progress say the last
     * one's flow failed, and the matrix's junit.xml has one testcase per scenario and fails only that one.
     */
    @Test
    void aFailedFlowIsNotMetAndTheMatrixJunitXmlFailsOnlyTheScenariosThatMissed() throws Exception {
        Path d = scenarios("stalled", "description: a step waits for an element no page has\ncloud: lab\n" + LAB_USER
                + "steps: [{wait-for: '#never', timeout: 1}]\n");
        Files.copy(SHIPPED.resolve("wsfed-claim-enforce.yaml"), d.resolve("wsfed-claim-enforce.yaml"));
        Files.copy(SHIPPED.resolve("wsfed-noclaim-enforce.yaml"), d.resolve("wsfed-noclaim-enforce.yaml"));
        Path out = dir.resolve("out");
        CliHarness.Run r = lab("--browser", "htmlunit", "--scenarios", d, "--out", out, "--scenario", "wsfed-claim-enforce",
                "--scenario", "stalled", "--scenario", "wsfed-claim-enforce", "--scenario", "wsfed-noclaim-enforce");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAIL);
        assertThat(r.out()).containsPattern("(?m)^stalled .* NO: the flow failed: steps\\[0\\] \\(wait-for #never\\)")
                .containsPattern("(?m)^wsfed-claim-enforce +PASS .* yes$").containsPattern("(?m)^wsfed-noclaim-enforce +FAIL .* yes$")
                .contains("2 of 3 scenarios met their expectation");
        assertThat(r.err()).contains("[stalled] verdict INCONCLUSIVE, mfa UNKNOWN, by unknown — NOT as expected: the flow failed: ")
                .doesNotContain("[stalled] verdict INCONCLUSIVE, mfa UNKNOWN, by unknown — as expected");

        Path matrixDir;
        try (Stream<Path> s = Files.list(out)) {
            matrixDir = s.filter(p -> p.getFileName().toString().endsWith("-lab-matrix")).findFirst().orElseThrow();
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(matrixDir.resolve("junit.xml").toFile());
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(1);
        Element suite = (Element) suites.item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(doc.getElementsByTagName("error").getLength()).isZero();
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("name"));
            NodeList failure = c.getElementsByTagName("failure");
            String systemOut = c.getElementsByTagName("system-out").item(0).getTextContent();
            Path runDir = Path.of(systemOut.substring(systemOut.indexOf("run folder: ") + "run folder: ".length()).strip());
            assertThat(runDir).isDirectory();
            if (c.getAttribute("name").equals("stalled")) {
                assertThat(failure.getLength()).isEqualTo(1);
                assertThat(((Element) failure.item(0)).getAttribute("message")).startsWith("the flow failed: steps[0] (wait-for #never)");
                assertThat(systemOut).startsWith("mfa-harness cannot tell");
            } else {
                assertThat(failure.getLength()).as(c.getAttribute("name")).isZero();
                assertThat(systemOut).startsWith("Partner Center would");
                // The scenario's own run folder keeps one testcase per check, failures included.
                Document own = f.newDocumentBuilder().parse(runDir.resolve("junit.xml").toFile());
                assertThat(own.getElementsByTagName("testcase").getLength()).isGreaterThan(3);
            }
        }
        assertThat(names).containsExactly("wsfed-claim-enforce", "stalled", "wsfed-noclaim-enforce");
    }
}
