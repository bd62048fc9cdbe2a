package org.mfaharness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.mfaharness.certify.Certification;
import org.mfaharness.certify.CertifyException;
import org.mfaharness.certify.ModuleResult;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.TestPlan;
import org.mfaharness.certify.lab.CertifyLab;
import org.mfaharness.certify.plan.Plans;
import org.mfaharness.certify.report.CertificationFolder;
import org.mfaharness.certify.report.CertifyJson;
import org.mfaharness.certify.run.Certifier;
import org.mfaharness.certify.run.CertifyOptions;
import org.mfaharness.certify.run.TestUser;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.report.JudgementJson;
import org.mfaharness.scenario.Scenario;
import org.mfaharness.scenario.ScenarioException;
import org.mfaharness.scenario.browser.BrowserKind;
import org.mfaharness.scenario.driver.Secret;
import org.mfaharness.totp.Totp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mfa-harness certify}: conformance test plans against a vendor's IdP or EAM provider, the harness playing Entra. */
@Command(name = "certify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        header = "Certify that an IdP or EAM provider emits the MFA claim Entra honours, and only when MFA happened.",
        description = {
            "Certifies that a third-party MFA product emits the MFA claim Microsoft Entra",
            "ID honours, only when MFA really happened, in the documented form.",
            "",
            "The harness plays Entra's side of the protocol: it reads the product's",
            "metadata, sends the sign-ins Entra sends, drives the product's pages in a",
            "real browser through its proxy with a test user, and receives the response",
            "at its own Entra endpoints on 127.0.0.1 (the proxy maps the cloud's sign-in",
            "host there: nothing reaches Microsoft). Every artifact is judged with the",
            "rules of 'inspect'; each plan module maps those findings to one requirement.",
            "",
            "Plans (docs/certify.md lists every module, requirement id and severity):",
            "  wsfed  WS-Federation / SAML 1.1: wsignin1.0 for urn:federation:",
            "         MicrosoftOnline without wauth, with wauth=.../multipleauthn, and",
            "         with wauth and wfresh=0",
            "  saml2  SAML 2.0: HTTP-Redirect AuthnRequests, plain, with",
            "         RequestedAuthnContext multipleauthn, and with ForceAuthn",
            "  eam    External Authentication Method (OIDC): the authorize POST with an",
            "         id_token_hint the harness signs with its own keys; once completing",
            "         the provider's second factor, once typing wrong codes only",
            "",
            "Each module ends PASS, WARN, FAIL or NOT RUN (nothing to judge: no",
            "--scenario, or a provider that trusts only Microsoft's keys). The run folder",
            "under --out holds certificate.html (product, date, plan version, each module",
            "with requirement, source and evidence, and the overall line: conformant,",
            "conformant with warnings, incomplete, not conformant), result.json,",
            "index.html, junit.xml (one testcase per module), capture.har, evidence.zip.",
            "",
            "The scenario file names the test user; its secrets are references",
            "(env:NAME, file:PATH), never inline. Without --scenario only the metadata",
            "modules run.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mfa-harness certify --plan wsfed --scenario test-user.yaml \\",
            "    --metadata https://adfs.example.com/FederationMetadata/2007-06/FederationMetadata.xml",
            "  mfa-harness certify --plan saml2 --metadata idp.xml --product 'Contoso IdP 4.2' \\",
            "    --scenario test-user.yaml",
            "  mfa-harness certify --plan eam --scenario user.yaml --client-id APP-ID \\",
            "    --tenant-id TID --user-object-id OID \\",
            "    --metadata https://mfa.example.com/.well-known/openid-configuration",
            "  mfa-harness certify --plan eam --metadata discovery.json   (metadata only)",
            "  mfa-harness certify --lab --format json   (the plans' acceptance test)",
            "",
            "EAM providers check the id_token_hint with Entra's keys. One that trusts only",
            "Microsoft's cannot be driven: its live modules are reported NOT RUN. Point a",
            "test instance at the harness's Entra metadata instead: --publish",
            "127.0.0.1:8700 serves it over HTTP there (a non-loopback address also needs",
            "--allow-remote; put TLS in front and pass the public URL as --publish-url).",
            "",
            "Exit codes:",
            "  0   conformant, with or without warnings; --lab: every expectation met",
            "  1   not conformant, or incomplete (a module could not run); --lab: an",
            "      expectation not met",
            "  64  usage or scenario error, missing secret",
            "  65  metadata unusable (not metadata, no signing certificate, not JSON)",
            "  66  metadata or scenario not readable (no file, HTTP error, unreachable)",
            "  70  internal error (a bug: please report it)",
            "  73  the run folder could not be written"
        })
public final class CertifyCommand implements Callable<Integer> {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Option(names = "--plan", paramLabel = "PLAN", description = "wsfed, saml2 or eam. With --lab: only this plan's behaviours (repeatable).")
    List<String> plans = new ArrayList<>();

    @Option(names = "--metadata", paramLabel = "URL|FILE", description = "The product's federation / SAML metadata (wsfed, saml2) or "
            + "its OpenID discovery document (eam), as a file or an http(s) URL (fetched through the harness proxy).")
    String metadata;

    @Option(names = "--scenario", paramLabel = "FILE", description = "A scenario file naming the test user (user.upn, user.password, "
            + "user.totpSeed as env:NAME / file:PATH) and, optionally, steps: for pages the built-in drivers do not know.")
    Path scenario;

    @Option(names = "--product", paramLabel = "NAME", description = "The product name on the certificate. Default: the metadata's "
            + "entityID (the discovery issuer for eam).")
    String product;

    @Option(names = "--cloud", paramLabel = "CLOUD", description = "The Entra cloud the harness plays: public, usgov or china. "
            + "Default: the scenario's cloud, else public.")
    String cloud;

    @Option(names = "--client-id", paramLabel = "ID", description = "eam: the client_id the provider issued to Entra (the id_token's audience).")
    String clientId;

    @Option(names = "--tenant-id", paramLabel = "GUID", description = "eam: the test user's tenant id (tid of the id_token_hint). "
            + "Default: the scenario's tenant when it is a GUID.")
    String tenantId;

    @Option(names = "--user-object-id", paramLabel = "GUID", description = "eam: the test user's object id (oid of the hint, which "
            + "providers map users by).")
    String objectId;

    @Option(names = "--publish", paramLabel = "HOST:PORT", description = "eam: also serve the harness's Entra discovery document and "
            + "keys over HTTP on this address, for a provider under test to trust.")
    String publish;

    @Option(names = "--publish-url", paramLabel = "URL", description = "eam: the public base URL of --publish (e.g. a TLS tunnel in front of it).")
    String publishUrl;

    @Option(names = "--allow-remote", description = "Allow --publish on a non-loopback address (never needed in the lab).")
    boolean allowRemote;

    @Option(names = "--lab", description = "Run every plan against the embedded lab's IdPs and EAM providers in each planted "
            + "behaviour, and check that each plan catches exactly the planted faults.")
    boolean lab;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2", description = "--lab: behaviours at a time. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--browser", paramLabel = "BROWSER", description = "chromium or htmlunit. Default: chromium, or htmlunit when "
            + "Chromium is not installed.")
    String browser;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "Where run folders go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (exactly one JSON "
            + "document on stdout). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        for (String p : plans) {
            if (Plans.named(p).isEmpty()) {
                throw usage("--plan must be wsfed, saml2 or eam, not '" + p + "'");
            }
        }
        if (parallel < 1 || parallel > 4) {
            throw usage("--parallel must be between 1 and 4");
        }
        BrowserKind kind = BrowserChoice.choose(browser, spec, err);
        java.util.function.Consumer<String> progress = line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
        if (lab) {
            Map<String, Boolean> given = new java.util.LinkedHashMap<>();
            given.put("--metadata", metadata != null);
            given.put("--scenario", scenario != null);
            given.put("--product", product != null);
            given.put("--cloud", cloud != null);
            given.put("--client-id", clientId != null);
            given.put("--tenant-id", tenantId != null);
            given.put("--user-object-id", objectId != null);
            given.put("--publish", publish != null);
            given.put("--publish-url", publishUrl != null);
            given.put("--allow-remote", allowRemote);
            List<String> misplaced = given.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
            if (!misplaced.isEmpty()) {
                throw usage("--lab runs the built-in behaviours against the embedded lab: " + String.join(", ", misplaced)
                        + (misplaced.size() == 1 ? " does" : " do") + " not apply");
            }
            return runLab(kind, progress);
        }
        if (plans.size() != 1) {
            throw usage(plans.isEmpty() ? "--plan is required (wsfed, saml2 or eam), or --lab" : "give one --plan (or use --lab)");
        }
        if (metadata == null) {
            throw usage("--metadata is required: the product's metadata file or URL");
        }
        TestPlan plan = Plans.named(plans.get(0)).orElseThrow();
        boolean eam = plan.name().equals("eam");
        if (!eam && (publish != null || clientId != null || objectId != null || tenantId != null)) {
            throw usage("--client-id, --tenant-id, --user-object-id and --publish apply to --plan eam only");
        }
        if ((allowRemote || publishUrl != null) && publish == null) {
            throw usage((allowRemote ? "--allow-remote" : "--publish-url") + " applies to --publish only");
        }
        InetSocketAddress publishAt = publish == null ? null : address(publish);
        Scenario s = null;
        if (scenario != null) {
            s = ScenarioCli.load(scenario);
        }
        CloudProfile cp = cloudProfile(s);
        CertifyOptions.Builder b = CertifyOptions.builder(plan, metadata).cloud(cp).product(product).browser(kind).out(out)
                .clientId(clientId).version(VersionProvider.version()).progress(progress);
        if (s != null) {
            b.user(user(s, eam));
        }
        if (publish != null) {
            b.publish(publishAt, publishUrl, allowRemote);
        }
        Certifier.Result r;
        try {
            r = new Certifier(b.build()).run();
        } catch (CertifyException e) {
            throw new CliException(e.exitCode(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        } catch (java.io.IOException e) {
            throw new CliException(ExitCodes.CANT_CREATE, "the run could not be written: " + CliException.reason(e));
        }
        print(r);
        return r.certification().overall().certified() ? ExitCodes.OK : ExitCodes.FAIL;
    }

    private CloudProfile cloudProfile(Scenario s) {
        String name = cloud != null ? cloud : s != null ? s.cloud() : "public";
        if (name.equals("lab")) {
            throw usage("the lab cloud is certified with 'mfa-harness certify --lab'");
        }
        return CloudProfile.named(name).orElseThrow(() -> usage("--cloud must be public, usgov or china, not '" + name + "'"));
    }

    private TestUser user(Scenario s, boolean eam) {
        Path base = s.file() == null ? null : s.file().toAbsolutePath().getParent();
        String where = s.file() + ": user.";
        Secret pw = null;
        Secret seed = null;
        try {
            Map<String, String> env = System.getenv();
            if (s.user().password() != null) {
                pw = s.user().password().resolve(env, base, () -> null, where + "password");
            }
            if (s.user().totpSeed() != null) {
                seed = s.user().totpSeed().resolve(env, base, () -> null, where + "totpSeed");
                try {
                    Totp.fromBase32(seed.reveal());
                } catch (IllegalArgumentException e) {
                    throw new CliException(ExitCodes.USAGE, where + "totpSeed: not a Base32 TOTP seed");
                }
            }
            org.mfaharness.scenario.driver.DeclarativeDriver.fromMaps(s.steps());
        } catch (ScenarioException | IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        String tid = tenantId != null ? tenantId : GUID.matcher(s.tenant()).matches() ? s.tenant() : null;
        if (tid != null && !GUID.matcher(tid).matches()) {
            throw usage("--tenant-id must be a GUID");
        }
        if (objectId != null && !GUID.matcher(objectId).matches()) {
            throw usage("--user-object-id must be a GUID");
        }
        if (eam && (clientId == null || tid == null || objectId == null)) {
            throw usage("--plan eam with --scenario needs --client-id, --user-object-id and a tenant id (--tenant-id, or the "
                    + "scenario's tenant as a GUID): the id_token_hint the harness signs names them");
        }
        return new TestUser(s.user().upn(), pw, seed, s.steps(), tid == null ? null : tid.toLowerCase(Locale.ROOT),
                objectId == null ? null : objectId.toLowerCase(Locale.ROOT), null);
    }

    private InetSocketAddress address(String hostPort) {
        int i = hostPort.lastIndexOf(':');
        if (i <= 0) {
            throw usage("--publish must be HOST:PORT, e.g. 127.0.0.1:8700");
        }
        try {
            int port = Integer.parseInt(hostPort.substring(i + 1));
            String host = hostPort.substring(0, i).replaceAll("^\\[|]$", "");
            InetSocketAddress a = new InetSocketAddress(host, port);
            if (a.isUnresolved()) {
                throw usage("--publish: cannot resolve " + host);
            }
            if (!a.getAddress().isLoopbackAddress() && !allowRemote) {
                throw usage("--publish: " + host + " is not a loopback address: publishing there needs --allow-remote");
            }
            return a;
        } catch (IllegalArgumentException e) {
            throw usage("--publish must be HOST:PORT, e.g. 127.0.0.1:8700");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private void print(Certifier.Result r) {
        PrintWriter o = spec.commandLine().getOut();
        Certification c = r.certification();
        if (format == OutputFormat.json) {
            o.println(json(CertifyJson.of(c, r.runDir())));
        } else {
            o.println("certify " + c.plan() + " " + c.planVersion() + ": " + c.product());
            for (ModuleResult m : c.results()) {
                o.printf(Locale.ROOT, "  %-7s %-40s %-30s %s%n", m.outcome() == Outcome.NOT_RUN ? "NOT RUN" : m.outcome(), m.name(),
                        m.requirements().get(0).id() + (m.severity().name().equals("WARN") ? " (WARN)" : ""), oneLine(m.message(), 160));
            }
            for (String n : c.notes()) {
                o.println("  note: " + oneLine(n, 400));
            }
            o.println("overall: " + c.overall().label() + " (" + c.count(Outcome.PASS) + " passed, " + c.count(Outcome.WARN) + " warned, "
                    + c.count(Outcome.FAIL) + " failed, " + c.count(Outcome.NOT_RUN) + " could not run)");
            o.println("certificate: " + r.runDir().resolve(CertificationFolder.CERTIFICATE));
        }
        o.flush();
    }

    private int runLab(BrowserKind kind, java.util.function.Consumer<String> progress) throws InterruptedException {
        ScenarioCli.prepareOut(out); // before the lab starts: a bad --out wastes no run
        List<CertifyLab.Row> rows;
        try (CertifyLab l = CertifyLab.start()) {
            rows = l.runAll(plans, kind, out, parallel, VersionProvider.version(), progress);
        }
        long met = rows.stream().filter(CertifyLab.Row::met).count();
        PrintWriter o = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ObjectNode root = JudgementJson.MAPPER.createObjectNode();
            root.put("total", rows.size());
            root.put("met", met);
            ArrayNode a = root.putArray("plans");
            for (CertifyLab.Row r : rows) {
                ObjectNode n = a.addObject();
                n.put("plan", r.plan());
                n.put("behaviour", r.behaviour());
                r.expected().forEach(n.putArray("expected")::add);
                r.actual().forEach(n.putArray("actual")::add);
                n.put("met", r.met());
            }
            o.println(json(root));
        } else {
            o.printf(Locale.ROOT, "%-6s %-44s %-4s %s%n", "plan", "behaviour", "met", "expected → actual (modules that do not pass)");
            for (CertifyLab.Row r : rows) {
                String exp = r.expected().isEmpty() ? "conformant" : String.join(", ", r.expected());
                String act = r.error() != null ? "error: " + r.error() : r.actual().isEmpty() ? "conformant" : String.join(", ", r.actual());
                o.printf(Locale.ROOT, "%-6s %-44s %-4s %s%n", r.plan(), r.behaviour(), r.met() ? "yes" : "NO",
                        r.met() ? act : exp + " → " + act);
            }
            o.println(met + " of " + rows.size() + " behaviours met their expectation; run folders under " + out);
        }
        o.flush();
        return met == rows.size() ? ExitCodes.OK : ExitCodes.FAIL;
    }

    private static String json(Object node) {
        try {
            return JudgementJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String s, int max) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return t.length() > max ? t.substring(0, max - 1) + "…" : t;
    }
}
