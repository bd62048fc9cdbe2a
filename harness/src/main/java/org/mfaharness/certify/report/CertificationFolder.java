package org.mfaharness.certify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.mfaharness.certify.Certification;
import org.mfaharness.proxy.files.PrivateFiles;
import org.mfaharness.report.EvidenceBundle;
import org.mfaharness.report.HtmlReport;
import org.mfaharness.report.JudgementJson;
import org.mfaharness.report.ResultJson;
import org.mfaharness.report.RunFolder;
import org.mfaharness.report.RunInfo;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.TrustMaterial;

/**
 * A certification's run folder: the reports issue's files — {@code result.json} (the capture's judgement, with the
 * certification as its {@code certification} member), {@code index.html}, {@code junit.xml} (one testcase per
 * module), {@code capture.har} and {@code evidence.zip} — plus {@code certificate.html}. Files holding assertions or
 * tokens are mode 0600; every file is written whole; {@code latest} points at the folder.
 */
public final class CertificationFolder {
    public static final String CERTIFICATE = "certificate.html";

    private CertificationFolder() {
    }

    /**
     * @param dir   a new run folder (from {@link RunFolder#create})
     * @param c     the certification
     * @param whole the judgement of the whole capture (every sign-in), for index.html and result.json
     * @param trust the trust material the capture was judged with
     * @param har   the redacted capture, or null when nothing was captured
     * @param at    the evaluation time
     */
    public static void write(Path dir, Certification c, ChainJudgement whole, TrustMaterial trust, Path har, Instant at) throws IOException {
        if (har != null) {
            PrivateFiles.writeAtomically(dir.resolve(RunFolder.HAR), out -> Files.copy(har, out), true);
        }
        RunInfo run = new RunInfo("certify " + c.plan() + ": " + c.product(), "certify", c.cloud(), null, null, c.target(), c.startedAt(),
                c.finishedAt(), at, "default");
        ObjectNode result = ResultJson.of(run, whole, trust, c.harnessVersion(), false);
        result.set("certification", CertifyJson.of(c, null));
        byte[] json;
        try {
            json = (JudgementJson.MAPPER.writeValueAsString(result) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        PrivateFiles.writeAtomically(dir.resolve(RunFolder.RESULT), json, true);
        PrivateFiles.writeAtomically(dir.resolve(RunFolder.HTML), HtmlReport.render(run, whole, c.harnessVersion())
                .getBytes(StandardCharsets.UTF_8), false);
        PrivateFiles.writeAtomically(dir.resolve(RunFolder.JUNIT), CertifyJunit.render(c).getBytes(StandardCharsets.UTF_8), false);
        PrivateFiles.writeAtomically(dir.resolve(CERTIFICATE), CertificateHtml.render(c).getBytes(StandardCharsets.UTF_8), false);
        EvidenceBundle.write(dir.resolve(RunFolder.EVIDENCE), json, har == null ? null : dir.resolve(RunFolder.HAR), whole, at);
        RunFolder.pointLatest(dir);
    }
}
