package org.mfaharness.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mfaharness.lab.Lab;
import org.mfaharness.lab.LabMode;
import org.mfaharness.proxy.files.PrivateFiles;
import org.mfaharness.report.JudgementJson;
import org.mfaharness.report.JunitXml;
import org.mfaharness.report.RunFolder;
import org.mfaharness.report.VerdictSentence;
import org.mfaharness.scenario.RunOutcome;
import org.mfaharness.scenario.Scenario;
import org.mfaharness.scenario.ScenarioBatch;
import org.mfaharness.scenario.ScenarioRunner;
import org.mfaharness.scenario.browser.BrowserKind;
import org.mfaharness.verify.trust.Certificates;
import org.mfaharness.verify.trust.Jwks;
import org.mfaharness.verify.trust.TrustException;
import org.mfaharness.verify.trust.TrustMaterial;
import picocli.CommandLine;

/**
 * The lab matrix behind {@code mfa-harness lab}: start the lab in named mode, run every scenario of
 * {@code scenarios/lab/} through the proxy in a real browser, and report which met their expectation.
 */
final class LabMatrix {
    private final CommandLine.Model.CommandSpec spec;
    private final Path config;
    private final List<String> only;
    private final Path scenariosDir;
    private final String browser;
    private final int parallel;
    private final Path out;
    private final OutputFormat format;

    LabMatrix(CommandLine.Model.CommandSpec spec, Path config, List<String> only, Path scenariosDir, String browser, int parallel,
              Path out, OutputFormat format) {
        this.spec = spec;
        this.config = config;
        this.only = only;
        this.scenariosDir = scenariosDir;
        this.browser = browser;
        this.parallel = parallel;
        this.out = out;
        this.format = format;
    }

    int run() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ScenarioCli.checkParallel(spec, parallel);
        List<Scenario> scenarios = load(ScenarioFiles.labDir(scenariosDir));
        // Everything that can be checked is checked before the lab or any browser starts.
        Lab.Builder b = LabCommand.labBuilder(LabMode.NAMED, config);
        ScenarioCli.prepareOut(out);
        BrowserKind kind = BrowserChoice.choose(browser, spec, err);
        Instant started = Instant.now();
        try (Lab lab = LabCommand.start(b)) {
            err.println("mfa-harness lab: lab started in " + lab.startupMillis() + " ms; running " + scenarios.size()
                    + " scenario(s) in " + kind.name().toLowerCase(Locale.ROOT) + (parallel > 1 ? ", " + parallel + " at a time" : ""));
            err.flush();
            ScenarioRunner runner = new ScenarioRunner(new ScenarioRunner.Environment(lab, kind, null, out, trust(lab),
                    VersionProvider.version(), ScenarioCli.progress(err)));
            List<ScenarioBatch.Result> results = ScenarioCli.resolveAndRun(runner, scenarios, parallel);
            Path summaryDir = writeSummary(results, started);
            print(results, summaryDir, started);
            return ScenarioCli.exitCode(results);
        }
    }

    /** {@code lab --list}: each scenario with its description and expectation; nothing starts. */
    int list() {
        Path dir = ScenarioFiles.labDir(scenariosDir);
        List<Scenario> scenarios = load(dir);
        PrintWriter o = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ObjectNode root = JudgementJson.MAPPER.createObjectNode();
            root.put("dir", dir.toString());
            root.put("total", scenarios.size());
            ArrayNode arr = root.putArray("scenarios");
            for (Scenario s : scenarios) {
                ObjectNode n = arr.addObject();
                n.put("name", s.name());
                n.put("description", s.description());
                n.put("cloud", s.cloud());
                n.put("file", s.file() == null ? null : s.file().toString());
                ObjectNode e = n.putObject("expect");
                e.put("verdict", s.expect().verdict() == null ? null : s.expect().verdict().name());
                e.put("mfa", s.expect().mfa() == null ? null : s.expect().mfa().name());
                e.put("mfaBy", s.expect().mfaBy() == null ? null : s.expect().mfaBy().label());
                ArrayNode reasons = e.putArray("reasons");
                s.expect().reasons().forEach(reasons::add);
                if (s.expect().aadsts() == null) {
                    e.putNull("aadsts");
                } else {
                    e.put("aadsts", s.expect().aadsts());
                }
            }
            try {
                o.println(JudgementJson.MAPPER.writeValueAsString(root));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            for (Scenario s : scenarios) {
                o.printf("%-28s %s%n", s.name(), s.description().isBlank() ? "(no description)" : s.description());
                o.printf("%-28s expects %s%n", "", s.expect().describe());
            }
            o.printf("%n%d scenario(s) in %s%n", scenarios.size(), dir);
        }
        o.flush();
        return ExitCodes.OK;
    }

    private List<Scenario> load(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml") || p.toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new CliException(ExitCodes.NO_INPUT, "scenario folder " + dir + " cannot be read");
        }
        if (files.isEmpty()) {
            throw new CliException(ExitCodes.NO_INPUT, "no scenario files (*.yaml, *.yml, *.json) in " + dir);
        }
        List<Scenario> all = new ArrayList<>();
        for (Path f : files) {
            all.add(ScenarioCli.load(f));
        }
        if (only.isEmpty()) {
            return all;
        }
        List<Scenario> chosen = new ArrayList<>();
        // --scenario X --scenario X runs X once.
        for (String name : new LinkedHashSet<>(only)) {
            Scenario s = all.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() -> new CliException(ExitCodes.USAGE,
                    "no scenario '" + name + "' in " + dir + " (there are: " + String.join(", ", all.stream().map(Scenario::name).toList()) + ")"));
            chosen.add(s);
        }
        return chosen;
    }

    /** The lab's own keys: its IdPs' signing certificates, Entra's JWKS, the EAM providers' JWKS. */
    static TrustMaterial trust(Lab lab) {
        try {
            List<java.security.cert.X509Certificate> certs = new ArrayList<>();
            lab.directory().domains().stream().filter(d -> d.idp() != null).map(d -> d.idp().id()).distinct()
                    .forEach(id -> {
                        try {
                            certs.addAll(Certificates.parse(lab.idpCertificatePem(id), "lab IdP " + id));
                        } catch (TrustException e) {
                            throw new IllegalStateException(e);
                        }
                    });
            return new TrustMaterial(certs, null, Jwks.parse(lab.entraJwks(), "lab Entra JWKS"),
                    Jwks.parse(lab.eamJwks(), "lab EAM JWKS"), null);
        } catch (TrustException e) {
            throw new IllegalStateException("the lab's own keys cannot be read: " + e.getMessage(), e);
        }
    }

    private Path writeSummary(List<ScenarioBatch.Result> results, Instant started) {
        try {
            Path dir = RunFolder.create(out, "lab-matrix", started);
            PrivateFiles.writeAtomically(dir.resolve("summary.json"), (JudgementJson.MAPPER.writeValueAsString(json(results, null))
                    + "\n").getBytes(StandardCharsets.UTF_8), false);
            PrivateFiles.writeAtomically(dir.resolve(RunFolder.JUNIT), JunitXml.renderMatrix("lab-matrix", started, cases(results))
                    .getBytes(StandardCharsets.UTF_8), false);
            return dir;
        } catch (IOException e) {
            throw new CliException(ExitCodes.CANT_CREATE, "cannot write the matrix summary under " + out + ": " + CliException.reason(e));
        }
    }

    /** One JUnit testcase per scenario: failed only when it did not meet its expectation. */
    static List<JunitXml.ScenarioCase> cases(List<ScenarioBatch.Result> results) {
        List<JunitXml.ScenarioCase> cases = new ArrayList<>();
        for (ScenarioBatch.Result r : results) {
            RunOutcome o = r.outcome();
            if (o == null) {
                cases.add(new JunitXml.ScenarioCase(r.scenario().name(), false, List.of("could not run: " + r.crash()), null, null, 0));
                continue;
            }
            String sentence = VerdictSentence.of(o.judgement());
            if (o.flowError() != null && r.met()) {
                sentence += "\nThe flow stopped as expected: " + o.flowError();
            }
            cases.add(new JunitXml.ScenarioCase(r.scenario().name(), r.met(), o.mismatches(), sentence, o.runDir(), o.took().toMillis()));
        }
        return cases;
    }

    static ObjectNode json(List<ScenarioBatch.Result> results, Path summaryDir) {
        ObjectNode root = JudgementJson.MAPPER.createObjectNode();
        root.put("total", results.size());
        root.put("met", results.stream().filter(ScenarioBatch.Result::met).count());
        ArrayNode arr = root.putArray("scenarios");
        for (ScenarioBatch.Result r : results) {
            ObjectNode n = arr.addObject();
            n.put("name", r.scenario().name());
            if (r.outcome() == null) {
                n.put("verdict", "INCONCLUSIVE");
                n.put("mfa", "UNKNOWN");
                n.put("mfaBy", "unknown");
                n.put("reason", r.crash());
                n.put("met", false);
                n.putNull("runDir");
                continue;
            }
            var c = r.outcome().judgement();
            n.put("verdict", c.verdict().name());
            n.put("mfa", c.mfa().name());
            n.put("mfaBy", c.mfaBy().label());
            n.put("reason", c.decisive() == null ? null : c.decisive().code());
            n.put("met", r.met());
            n.put("runDir", r.outcome().runDir().toString());
            if (!r.met()) {
                ArrayNode mm = n.putArray("mismatches");
                r.outcome().mismatches().forEach(mm::add);
            }
            if (r.outcome().flowError() != null) {
                n.put("flowError", r.outcome().flowError());
            }
        }
        if (summaryDir != null) {
            root.put("summaryDir", summaryDir.toString());
        }
        return root;
    }

    private void print(List<ScenarioBatch.Result> results, Path summaryDir, Instant started) {
        PrintWriter o = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            try {
                o.println(JudgementJson.MAPPER.writeValueAsString(json(results, summaryDir)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            o.flush();
            return;
        }
        o.printf("%-28s %-13s %-14s %-34s %s%n", "scenario", "verdict", "MFA by", "decisive reason", "met");
        for (ScenarioBatch.Result r : results) {
            if (r.outcome() == null) {
                o.printf("%-28s %-13s %-14s %-34s %s%n", r.scenario().name(), "INCONCLUSIVE", "unknown", "crashed: " + r.crash(), "NO");
                continue;
            }
            var c = r.outcome().judgement();
            o.printf("%-28s %-13s %-14s %-34s %s%n", r.scenario().name(), c.verdict(), c.mfaBy().label(),
                    c.decisive() == null ? "" : c.decisive().code(), r.met() ? "yes" : "NO: " + String.join("; ", r.outcome().mismatches()));
        }
        long met = results.stream().filter(ScenarioBatch.Result::met).count();
        o.printf("%n%d of %d scenarios met their expectation in %d s. Reports: %s (junit.xml, summary.json); each scenario's run folder under %s%n",
                met, results.size(), java.time.Duration.between(started, Instant.now()).toSeconds(), summaryDir, out);
        o.flush();
    }
}
