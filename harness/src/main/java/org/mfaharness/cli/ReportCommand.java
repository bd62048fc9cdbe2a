package org.mfaharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.report.RecordedRun;
import org.mfaharness.report.RunFolder;
import org.mfaharness.report.RunInfo;
import org.mfaharness.report.RunReport;
import org.mfaharness.report.VerdictSentence;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.chain.ChainJudge;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.TrustMaterial;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mfa-harness report RUN_DIR}: judge a run folder again with today's rules and re-render it. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        header = "Re-judge a run folder with this version's rules and re-render its reports.",
        description = {
            "Re-judges a run folder with this version's rules and rewrites its result.json, index.html, junit.xml and",
            "evidence.zip in place: from its capture.har when it has one (every exchange re-extracted), else from the",
            "artifacts in result.json; with the trust material and evaluation time the run recorded, unless you give",
            "others. The capture itself is never changed. reports/latest is not moved.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mfa-harness report reports/latest",
            "  mfa-harness report --jwks keys.json reports/20261201T091604Z-proxy",
            "",
            "Exit codes: the verdict (0 PASS/WARN, 1 FAIL, 2 INCONCLUSIVE); 64 usage error; 66 not a run folder;",
            "73 the folder is not writable."
        })
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder (with result.json).")
    Path dir;

    @Option(names = "--at", paramLabel = "ISO-8601", converter = InstantConverter.class,
            description = "Judge at this time instead of the run's recorded evaluation time.")
    Instant at;

    @Option(names = "--tenant", paramLabel = "TENANT-ID", description = "The partner tenant id tokens must come from (default: the one the run was last judged "
                    + "against, if any).")
    String tenant;

    @Mixin
    TrustOptions trust;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.exists(dir)) {
            throw new CliException(ExitCodes.NO_INPUT, dir + ": no such folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.NO_INPUT, dir + " is a file, not a run folder (e.g. reports/latest)");
        }
        Path result = dir.resolve(RunFolder.RESULT);
        Path har = dir.resolve(RunFolder.HAR);
        RecordedRun recorded;
        try {
            recorded = RecordedRun.read(Files.readAllBytes(result), Files.exists(har) ? Files.readAllBytes(har) : null);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.NO_INPUT, dir + " is not a run folder: no result.json");
        } catch (IOException e) {
            throw new CliException(ExitCodes.NO_INPUT, result + ": " + e.getMessage());
        }
        TrustMaterial given = trust.load();
        boolean userTrust = !given.certificates().isEmpty() || !given.jwks().isEmpty() || !given.eamJwks().isEmpty();
        TrustMaterial tm = userTrust ? given : recorded.trust();
        RunInfo old = recorded.run();
        Instant when = at != null ? at : old.evaluatedAt();
        CloudProfile cloud = CloudProfile.named(old.cloud()).orElse(CloudProfile.PUBLIC);
        String checkedTenant = tenant != null ? tenant : old.checkedTenant();
        ChainJudgement c = new ChainJudge(new JudgeOptions(when, JudgeOptions.DEFAULT_CLOCK_SKEW, null, cloud, tm, null,
                checkedTenant)).judge(recorded.artifacts());
        RunInfo run = new RunInfo(old.name(), old.mode(), old.cloud(), old.tenant(), checkedTenant, old.scenario(),
                old.startedAt(), old.finishedAt(), when, old.redaction());
        try {
            RunFolder.write(dir, new RunReport(run, c, tm, Files.exists(har) ? har : null,
                    Duration.between(old.startedAt(), old.finishedAt()).toMillis()), VersionProvider.version(), false);
        } catch (IOException e) {
            throw new CliException(ExitCodes.CANT_CREATE, "cannot rewrite " + dir + ": " + CliException.reason(e));
        }
        var err = spec.commandLine().getErr();
        recorded.notes().forEach(n -> err.println("mfa-harness: note: " + n));
        err.flush();
        var out = spec.commandLine().getOut();
        out.println(VerdictSentence.of(c));
        out.println("verdict " + c.verdict() + ", MFA " + c.mfa() + ", by " + c.mfaBy().label() + "; re-rendered " + dir.resolve(RunFolder.HTML));
        out.flush();
        return c.verdict().exitCode();
    }
}
