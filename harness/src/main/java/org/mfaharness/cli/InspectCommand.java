package org.mfaharness.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.artifact.Origin;
import org.mfaharness.artifact.Unreadable;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.report.JudgementJson;
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
        description = {
            "Judges one artifact — a WS-Fed wresult/RSTR, a SAML 2.0 Response or assertion (XML, base64 or",
            "SAMLResponse= form), a JWT (raw, id_token=/access_token= form, token-endpoint JSON, or an",
            "'Authorization: Bearer' line), an AADSTS error or a Partner Center error body — and says whether it",
            "carries an MFA claim Entra ID and Partner Center honour, and whether it can be trusted.",
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

    @Parameters(paramLabel = "INPUT", description = "A file, or - for standard input.")
    String input;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (clockSkewSeconds < 0 || clockSkewSeconds > 86_400) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--clock-skew must be between 0 and 86400 seconds");
        }
        TrustMaterial tm = trust.load();
        String text = InputReader.readText(input, MAX_INPUT_BYTES);
        Instant when = at != null ? at : Instant.now();
        JudgeOptions options = new JudgeOptions(when, Duration.ofSeconds(clockSkewSeconds), audience, cloud, tm, issuer, tenant);
        ArtifactKind forced = switch (kind) {
            case auto -> null;
            case entra -> ArtifactKind.ENTRA_TOKEN;
            case eam -> ArtifactKind.EAM_ID_TOKEN;
        };
        List<Artifact> artifacts = new ArtifactDetector(cloud, forced).detect(text, Origin.input(null));
        ChainJudgement judgement = new ChainJudge(options).judge(artifacts);
        render(judgement, when);
        if (artifacts.size() == 1 && artifacts.get(0) instanceof Unreadable u) {
            spec.commandLine().getErr().println("mfa-harness: " + InputReader.describe(input) + ": " + u.reason());
            spec.commandLine().getErr().flush();
        }
        return judgement.verdict().exitCode();
    }

    private void render(ChainJudgement judgement, Instant when) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            try {
                out.println(JudgementJson.MAPPER.writeValueAsString(
                        JudgementJson.of(judgement, VersionProvider.version(), cloud.name(), when)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.flush();
        } else {
            TextReport.write(judgement, when, out);
        }
    }
}
