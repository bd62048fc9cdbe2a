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
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mfaharness.lab.Lab;
import org.mfaharness.lab.LabMode;
import org.mfaharness.lab.config.LabConfigException;
import org.mfaharness.proxy.files.PrivateFiles;
import org.mfaharness.report.JudgementJson;
import org.mfaharness.report.JunitXml;
import org.mfaharness.report.RunFolder;
import org.mfaharness.report.RunInfo;
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
        BrowserKind kind = BrowserChoice.choose(browser, spec, err);
        Instant started = Instant.now();
        System.setProperty("org.jboss.logging.provider", "slf4j");
        Lab.Builder b = Lab.builder().mode(LabMode.NAMED);
        if (config != null) {
            b.configFile(config);
        }
        try (Lab lab = start(b)) {
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

    private Lab start(Lab.Builder b) {
        try {
            return b.start();
        } catch (LabConfigException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    private List<Scenario> load(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml") || p.toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new CliException(ExitCodes.NO_INPUT, "scenario folder " + dir + " cannot be read");
        }
        List<Scenario> all = new ArrayList<>();
        for (Path f : files) {
            all.add(ScenarioCli.load(f));
        }
        if (only.isEmpty()) {
            return all;
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String name : only) {
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
            List<JunitXml.Suite> suites = new ArrayList<>();
            for (ScenarioBatch.Result r : results) {
                if (r.outcome() != null) {
                    var o = r.outcome();
                    suites.add(new JunitXml.Suite(o.scenario().name(), new RunInfo(o.scenario().name(), "lab", "lab", null,
                            o.scenario().name(), started, Instant.now(), Instant.now(), "default"), o.judgement(), o.took().toMillis()));
                }
            }
            PrivateFiles.writeAtomically(dir.resolve(RunFolder.JUNIT), JunitXml.render(suites).getBytes(StandardCharsets.UTF_8), false);
            return dir;
        } catch (IOException e) {
            throw new CliException(ExitCodes.CANT_CREATE, "cannot write the matrix summary under " + out + ": " + e.getMessage());
        }
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
