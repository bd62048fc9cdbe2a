package org.mfaharness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.capture.LiveCapture;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.proxy.files.PrivateFiles;
import org.mfaharness.proxy.redact.RedactionMode;
import org.mfaharness.proxy.redact.RedactionPolicy;
import org.mfaharness.report.RunFolder;
import org.mfaharness.report.RunInfo;
import org.mfaharness.report.RunReport;
import org.mfaharness.report.ShareScrubber;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.chain.ChainJudge;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.TrustMaterial;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mfa-harness proxy}: an intercepting proxy around a partner's own tools, judging what passes. */
@Command(name = "proxy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        header = "Run an intercepting proxy that records a HAR and judges every artifact that passes through it.",
        description = {
            "Runs an intercepting HTTP/HTTPS proxy on 127.0.0.1 and judges every artifact that passes through it —",
            "WS-Fed and SAML responses, EAM id_tokens, token responses, Bearer tokens sent to Partner Center, AADSTS",
            "errors — printing one line per artifact. Point a browser, PowerShell, curl or any tool at it and trust",
            "its CA (printed on start). On exit (SIGTERM, Ctrl-C or --duration) it writes a run folder: the redacted",
            "HAR, result.json with every finding, index.html, junit.xml and evidence.zip.",
            "",
            "By default it forwards only to loopback and mapped hosts (the lab); --upstream-any reaches real tenants.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  mfa-harness proxy --upstream-any --jwks keys.json       then: HTTPS_PROXY=http://127.0.0.1:PORT pwsh ...",
            "  curl --proxy http://127.0.0.1:PORT --cacert ~/.mfa-harness/ca/ca.pem https://login.microsoftonline.com/...",
            "",
            "Secrets (cookies, passwords, OTP codes, authorization codes, refresh tokens, client secrets) are removed",
            "before anything is written; assertions and access tokens stay whole so the HAR can be re-judged.",
            "Exit codes: with --duration, the verdict (0 PASS/WARN, 1 FAIL, 2 INCONCLUSIVE); stopped by a signal, 143 or",
            "130; 64 usage error; 65 trust material (--jwks, --trust-cert, --upstream-ca…) unusable; 66 a file given",
            "cannot be read; 73 output not writable."
        })
public final class ProxyCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to bind. Non-loopback needs --allow-remote.")
    String bind;

    @Option(names = "--allow-remote", description = "Allow binding a non-loopback address (other machines could use the proxy).")
    boolean allowRemote;

    @Option(names = "--har", paramLabel = "FILE", description = "Where to keep the HAR (mode 0600). Default: capture.har in the run folder.")
    Path har;

    @Option(names = "--ca-dir", paramLabel = "DIR", defaultValue = "${sys:user.home}/.mfa-harness/ca",
            description = "Where ca.pem is written for curl --cacert, certutil, Java trust stores. Default: ${DEFAULT-VALUE}.")
    Path caDir;

    @Option(names = "--persist-ca", description = "Keep the CA across runs (key in --ca-dir, mode 0600, 30-day validity).")
    boolean persistCa;

    @Option(names = "--map", paramLabel = "HOST=ADDR:PORT", description = "Send requests for HOST to ADDR:PORT (TLS still verifies HOST); repeatable.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--allow", paramLabel = "HOST-PATTERN", description = "Also allow this upstream (host or *.domain); repeatable.")
    List<String> allow = new ArrayList<>();

    @Option(names = "--upstream-any", description = "Allow any upstream (needed to reach real tenants).")
    boolean upstreamAny;

    @Option(names = "--upstream-ca", paramLabel = "PEM", description = "Also trust this CA for upstream TLS (e.g. the lab's).")
    Path upstreamCa;

    @Option(names = "--share", description = "Strip signatures too, for sending the capture outside the organisation.")
    boolean share;

    @Option(names = "--raw", description = "Keep everything, secrets included (the report says so). Never share a raw capture.")
    boolean raw;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "Where run folders go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this many seconds and exit with the verdict.")
    Long duration;

    @Option(names = "--cloud", paramLabel = "CLOUD", converter = CloudConverter.class, defaultValue = "public",
            description = "public, usgov, china or lab. Default: ${DEFAULT-VALUE}.")
    CloudProfile cloud;

    @Option(names = "--tenant", paramLabel = "TENANT-ID", description = "The partner tenant id tokens must come from.")
    String tenant;

    @Mixin
    TrustOptions trust;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (share && raw) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--share and --raw exclude each other");
        }
        if (duration != null && duration <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--duration must be positive");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        TrustMaterial tm = trust.load();
        if (upstreamCa != null) {
            try {
                org.mfaharness.proxy.ca.Pem.readCertificates(upstreamCa);
            } catch (java.nio.charset.CharacterCodingException | IllegalArgumentException e) {
                throw new CliException(ExitCodes.DATA_ERR, "--upstream-ca " + upstreamCa + ": not a PEM certificate file");
            } catch (IOException e) {
                throw new CliException(ExitCodes.NO_INPUT, "--upstream-ca " + upstreamCa + ": cannot be read ("
                        + CliException.reason(e) + ")");
            }
        }
        Instant started = Instant.now();
        Path dir;
        try {
            dir = RunFolder.create(out, "proxy", started);
        } catch (IOException e) {
            throw new CliException(ExitCodes.CANT_CREATE, "cannot create a run folder under " + out + ": " + CliException.reason(e));
        }
        Path harFile = har != null ? har : dir.resolve(RunFolder.HAR);
        JudgeOptions options = new JudgeOptions(Instant.now(), JudgeOptions.DEFAULT_CLOCK_SKEW, null, cloud, tm, null, tenant);
        List<Artifact> seen = new ArrayList<>();
        RedactionPolicy policy = raw ? RedactionPolicy.raw()
                : share ? RedactionPolicy.builder().mode(RedactionMode.SHARE).shareFieldScrubber(new ShareScrubber()).build()
                : RedactionPolicy.defaults();
        LiveCapture capture;
        try {
            capture = LiveCapture.start(b -> {
                b.port(port).bindAddress(bind).allowRemote(allowRemote).harFile(harFile).caDir(caDir).persistCa(persistCa)
                        .upstreamAny(upstreamAny).redaction(policy).creatorVersion(VersionProvider.version()).shutdownHook(false);
                maps.forEach(b::map);
                allow.forEach(b::allow);
                if (upstreamCa != null) {
                    b.upstreamCa(upstreamCa);
                }
            }, new ArtifactDetector(cloud, null), found -> printLive(found, seen, options, stdout));
        } catch (IllegalArgumentException e) {
            PrivateFiles.deleteTreeQuietly(dir); // nothing was captured: leave no empty run folder behind
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        } catch (IOException e) {
            PrivateFiles.deleteTreeQuietly(dir);
            throw new CliException(ExitCodes.CANT_CREATE, "cannot start the proxy on " + bind + ":" + port + ": " + CliException.reason(e));
        }
        InetSocketAddress at = capture.address();
        err.println("mfa-harness proxy listening on http://" + at.getHostString() + ":" + at.getPort()
                + (upstreamAny ? " (any upstream)" : " (loopback and mapped upstreams only; --upstream-any for real tenants)"));
        capture.proxy().caCertificateFile().ifPresent(ca -> err.println("CA certificate: " + ca + "  (trust it in the client: curl --cacert, certutil, keytool)"));
        err.println("Capture: " + harFile + (raw ? "  (RAW: secrets are kept)" : share ? "  (signatures stripped for sharing)" : "  (redacted)"));
        err.println("Stop with Ctrl-C or SIGTERM" + (duration != null ? ", or after " + duration + " s" : "") + ".");
        err.flush();

        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        int[] exit = {0};
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                exit[0] = finish(capture, dir, harFile, started, tm, err);
            }
            stop.countDown();
        };
        Thread hook = new Thread(finish, "mfa-harness-proxy-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (duration != null) {
            stop.await(duration, TimeUnit.SECONDS);
        } else {
            stop.await();
        }
        finish.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (a signal): the hook did the work.
        }
        return exit[0];
    }

    private int finish(LiveCapture capture, Path dir, Path harFile, Instant started, TrustMaterial tm, PrintWriter err) {
        try {
            capture.close();
            List<Artifact> artifacts = capture.artifacts();
            JudgeOptions options = new JudgeOptions(Instant.now(), JudgeOptions.DEFAULT_CLOCK_SKEW, null, cloud, tm, null, tenant);
            ChainJudgement c = new ChainJudge(options).judge(artifacts);
            RunInfo run = new RunInfo("proxy", "proxy", cloud.name(), tenant, tenant, null, started, Instant.now(), options.at(),
                    raw ? "raw" : share ? "share" : "default");
            RunFolder.write(dir, new RunReport(run, c, tm, harFile, Duration.between(started, Instant.now()).toMillis()),
                    VersionProvider.version());
            err.println("Verdict: " + c.verdict() + "  MFA " + c.mfa() + "  by " + c.mfaBy().label() + "  (" + c.hops().size()
                    + (c.hops().size() == 1 ? " artifact)" : " artifacts)"));
            err.println("Report: " + dir.resolve(RunFolder.HTML));
            err.flush();
            return c.verdict().exitCode();
        } catch (IOException e) {
            err.println("mfa-harness: cannot write the run folder " + dir + ": " + e.getMessage());
            err.flush();
            return ExitCodes.CANT_CREATE;
        }
    }

    /** Prints one line per newly judged artifact: hop, kind, verdict, MFA reading, decisive reason. */
    private void printLive(List<Artifact> found, List<Artifact> seen, JudgeOptions options, PrintWriter out) {
        synchronized (seen) {
            int before = seen.size();
            seen.addAll(found);
            ChainJudgement c = new ChainJudge(options.at(Instant.now())).judge(seen);
            for (ArtifactJudgement j : c.hops()) {
                if (seen.indexOf(j.artifact()) >= before) {
                    out.printf("hop %-4d %-22s %-12s mfa %-8s %s%n", j.artifact().origin().hop(), j.artifact().kind().label(),
                            j.verdict(), j.mfa(), j.decisive() == null ? "" : j.decisive().code() + ": " + j.decisive().message());
                }
            }
            out.flush();
        }
    }
}
