package org.mfaharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.artifact.HarArtifacts;
import org.mfaharness.artifact.Origin;
import org.mfaharness.artifact.Unreadable;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.report.EvidenceBundle;
import org.mfaharness.report.JudgementJson;
import org.mfaharness.report.RecordedRun;
import org.mfaharness.report.RunFolder;
import org.mfaharness.report.RunInfo;
import org.mfaharness.report.RunReport;
import org.mfaharness.report.TextReport;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.chain.ChainJudge;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.TrustMaterial;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mfa-harness inspect}: judge one token, assertion, error or capture. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Judge one token, assertion, HAR or evidence.zip offline: is the MFA claim there, and can it be trusted?",
        description = {
            "Judges one artifact — a WS-Fed wresult/RSTR, a SAML 2.0 Response or assertion (XML, base64 or",
            "SAMLResponse= form), a JWT (raw, id_token=/access_token= form, token-endpoint JSON, or an",
            "'Authorization: Bearer' line), an AADSTS error or a Partner Center error body — or a whole capture",
            "(a HAR file from mfa-harness proxy or a browser's DevTools, or an evidence.zip), and says whether it",
            "carries an MFA claim Entra ID and Partner Center honour, whether it can be trusted, and who did MFA.",
            "",
            "The verdict is the worst finding: FAIL > INCONCLUSIVE > WARN > PASS. The MFA reading (PRESENT, WEAK,",
            "ABSENT, UNKNOWN) comes from the content whatever its trust; signatures are verified only against the",
            "trust material you give (never against the artifact's own KeyInfo, x5c, jwk or jku).",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mfa-harness inspect --trust-cert adfs-signing.pem --at 2017-05-08T15:00:00Z wresult.xml",
            "  mfa-harness inspect --jwks keys.json --format json access-token.jwt",
            "  mfa-harness inspect --jwks keys.json --out reports signin.har      (a browser export: judged hop by hop)",
            "  mfa-harness inspect reports/latest/evidence.zip                   (re-judged offline with its trust)",
            "  pbpaste | mfa-harness inspect -",
            "",
            "Exit codes: 0 PASS or WARN, 1 FAIL, 2 INCONCLUSIVE (also: unreadable input), 64 usage error,",
            "65 unusable trust material, 66 input not found. Reason codes: docs/reason-codes.md."
        })
public final class InspectCommand implements Callable<Integer> {
    /** Largest input read (HAR files are streamed instead). */
    static final long MAX_INPUT_BYTES = ArtifactDetector.MAX_INPUT_CHARS;

    /** Kinds {@code --kind} accepts. */
    enum Kind { auto, entra, eam }

    @Mixin
    TrustOptions trust;

    @Option(names = "--at", paramLabel = "ISO-8601", converter = InstantConverter.class,
            description = "Judge at this time (old captures are judged at their own time). Default: now.")
    Instant at;

    @Option(names = "--audience", paramLabel = "URI",
            description = "The audience assertions must carry. Default: urn:federation:MicrosoftOnline.")
    String audience;

    @Option(names = "--issuer", paramLabel = "URI",
            description = "The domain's IssuerUri in Entra (SAML 2.0 Issuer check). Default: the --metadata entityID.")
    String issuer;

    @Option(names = "--tenant", paramLabel = "TENANT-ID", description = "The partner tenant id tokens must come from.")
    String tenant;

    @Option(names = "--cloud", paramLabel = "CLOUD", converter = CloudConverter.class, defaultValue = "public",
            description = "public, usgov, china or lab (tells Entra issuers from EAM issuers). Default: ${DEFAULT-VALUE}.")
    CloudProfile cloud;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "auto",
            description = "Judge a JWT as: auto, entra (an Entra token) or eam (an EAM provider's id_token). Default: ${DEFAULT-VALUE}.")
    Kind kind;

    @Option(names = "--clock-skew", paramLabel = "SECONDS", defaultValue = "300",
            description = "Clock skew allowed for validity windows. Default: ${DEFAULT-VALUE}.")
    long clockSkewSeconds;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people) or json (one JSON document on stdout). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Parameters(paramLabel = "INPUT", description = "A file (text, HAR or evidence.zip), or - for standard input.")
    String input;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write a run folder under DIR (e.g. reports): result.json, index.html, junit.xml, evidence.zip, and the capture re-redacted.")
    Path out;

    @Override
    public Integer call() {
        if (clockSkewSeconds < 0 || clockSkewSeconds > 86_400) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--clock-skew must be between 0 and 86400 seconds");
        }
        Instant started = Instant.now();
        TrustMaterial tm = trust.load();
        ArtifactKind forced = switch (kind) {
            case auto -> null;
            case entra -> ArtifactKind.ENTRA_TOKEN;
            case eam -> ArtifactKind.EAM_ID_TOKEN;
        };
        Input in = readInput(forced);
        boolean userTrust = !tm.certificates().isEmpty() || !tm.jwks().isEmpty() || !tm.eamJwks().isEmpty()
                || tm.eamDiscovery() != null;
        TrustMaterial effectiveTrust = in.recorded() != null && !userTrust ? in.recorded().trust() : tm;
        Instant when = at != null ? at : in.recorded() != null ? in.recorded().run().evaluatedAt() : Instant.now();
        // A re-judged bundle keeps the partner tenant its run was judged against, as it keeps its trust and time.
        String checkedTenant = tenant != null ? tenant : in.recorded() != null ? in.recorded().run().checkedTenant() : null;
        JudgeOptions options = new JudgeOptions(when, Duration.ofSeconds(clockSkewSeconds), audience, in.cloud(), effectiveTrust,
                issuer, checkedTenant);
        ChainJudgement judgement = new ChainJudge(options).judge(in.artifacts());
        render(judgement, when, in.cloud(), in.notes());
        PrintWriter err = spec.commandLine().getErr();
        for (String n : in.notes()) {
            err.println("mfa-harness: note: " + n);
        }
        if (in.artifacts().size() == 1 && in.artifacts().get(0) instanceof Unreadable u) {
            err.println("mfa-harness: " + InputReader.describe(input) + ": " + u.reason());
        }
        err.flush();
        if (out != null) {
            writeRunFolder(judgement, effectiveTrust, in, started, when, checkedTenant);
        }
        return judgement.verdict().exitCode();
    }

    /** What was read: the artifacts, the cloud to judge them in, notes, and the recorded run when INPUT was a bundle. */
    record Input(List<Artifact> artifacts, CloudProfile cloud, List<String> notes, RecordedRun recorded, Path har) {
    }

    private Input readInput(ArtifactKind forced) {
        ArtifactDetector detector = new ArtifactDetector(cloud, forced);
        try {
            if (!input.equals("-")) {
                Path p = Path.of(input);
                if (Files.isRegularFile(p) && EvidenceBundle.looksLikeZip(p)) {
                    return bundleInput(EvidenceBundle.read(p));
                }
                if (Files.isRegularFile(p) && HarArtifacts.looksLikeHar(p)) {
                    return harInput(HarArtifacts.read(p, detector), p);
                }
            }
            byte[] bytes = InputReader.readBytes(input, MAX_INPUT_BYTES);
            if (EvidenceBundle.looksLikeZip(bytes)) {
                return bundleInput(EvidenceBundle.read(bytes));
            }
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            if (HarArtifacts.looksLikeHar(text.length() > 4096 ? text.substring(0, 4096) : text)) {
                return harInput(HarArtifacts.read(new java.io.ByteArrayInputStream(
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), detector), null);
            }
            return new Input(detector.detect(text, Origin.input(null)), cloud, List.of(), null, null);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliException(ExitCodes.NO_INPUT, InputReader.describe(input) + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new CliException(ExitCodes.NO_INPUT, InputReader.describe(input) + ": permission denied");
        } catch (IOException e) {
            // Too large, a damaged bundle, bytes that end early: judged INCONCLUSIVE with the reason, so --format json
            // still prints its one document.
            return new Input(List.of(unreadable(e.getMessage())), cloud, List.of(), null, null);
        }
    }

    /** A run re-judged from its evidence bundle, in the bundle's cloud unless --cloud says otherwise. */
    private Input bundleInput(Map<String, byte[]> entries) throws IOException {
        RecordedRun r = RecordedRun.read(entries.get(RunFolder.RESULT), entries.get(RunFolder.HAR));
        CloudProfile c = explicit("--cloud") ? cloud : CloudProfile.named(r.run().cloud()).orElse(cloud);
        return new Input(r.artifacts(), c, r.notes(), r, null);
    }

    /** A HAR's artifacts; a HAR that yields none because it is broken is one unreadable artifact saying why. */
    private Input harInput(HarArtifacts h, Path har) {
        if (h.problem() != null && h.artifacts().isEmpty()) {
            return new Input(List.of(unreadable(h.problem())), cloud, List.of(), null, har);
        }
        return new Input(h.artifacts(), cloud, h.problem() == null ? List.of() : List.of(h.problem()), null, har);
    }

    private static Unreadable unreadable(String reason) {
        return new Unreadable("", Origin.input(null), ArtifactKind.UNREADABLE, reason, false);
    }

    private boolean explicit(String option) {
        return spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private void writeRunFolder(ChainJudgement judgement, TrustMaterial tm, Input in, Instant started, Instant when,
                                String checkedTenant) {
        String name = input.equals("-") ? "stdin" : Path.of(input).getFileName().toString();
        RunInfo run = new RunInfo(name, "inspect", in.cloud().name(), checkedTenant, checkedTenant, null, started,
                Instant.now(), when, "default");
        try {
            Path dir = RunFolder.create(out, name, started);
            Path har = null;
            if (in.har() != null) {
                har = dir.resolve(RunFolder.HAR);
                RedactedHar.copy(in.har(), har);
            }
            RunFolder.write(dir, new RunReport(run, judgement, tm, har, java.time.Duration.between(started, Instant.now()).toMillis()),
                    VersionProvider.version());
            spec.commandLine().getErr().println("mfa-harness: report written to " + dir.resolve(RunFolder.HTML));
        } catch (IOException e) {
            throw new CliException(ExitCodes.CANT_CREATE, "cannot write the run folder under " + out + ": " + CliException.reason(e));
        }
    }

    private void render(ChainJudgement judgement, Instant when, CloudProfile c, List<String> notes) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            try {
                var doc = JudgementJson.of(judgement, VersionProvider.version(), c.name(), when);
                if (!notes.isEmpty()) {
                    var arr = doc.putArray("notes");
                    notes.forEach(arr::add);
                }
                out.println(JudgementJson.MAPPER.writeValueAsString(doc));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.flush();
        } else {
            TextReport.write(judgement, when, out);
        }
    }
}
