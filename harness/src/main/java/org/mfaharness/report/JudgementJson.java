package org.mfaharness.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.Origin;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.chain.ChainJudgement;

/**
 * Judgements as JSON, the shape documented in {@code docs/inspect-json.md}:
 * {@code {"verdict", "mfa", "mfaBy", "decisive", "artifacts": [{"kind", "verdict", "mfa", "findings": [...]}], "chain": {...}}}.
 */
public final class JudgementJson {
    /** The shared mapper: ISO dates, stable member order. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JudgementJson() {
    }

    /** The whole judgement, with the tool version, the cloud and the evaluation time. */
    public static ObjectNode of(ChainJudgement c, String version, String cloud, Instant evaluatedAt) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("verdict", c.verdict().name());
        root.put("mfa", c.mfa().name());
        root.put("mfaBy", c.mfaBy().label());
        if (c.decisive() != null) {
            root.set("decisive", finding(c.decisive()));
        }
        ArrayNode arts = root.putArray("artifacts");
        for (ArtifactJudgement j : c.hops()) {
            arts.add(artifact(j));
        }
        ObjectNode chain = root.putObject("chain");
        ArrayNode cf = chain.putArray("findings");
        c.findings().forEach(f -> cf.add(finding(f)));
        ArrayNode ctx = chain.putArray("context");
        for (Artifact a : c.context()) {
            ObjectNode n = ctx.addObject();
            n.put("kind", a.kind().label());
            origin(a.origin(), n);
            n.set("summary", MAPPER.valueToTree(ArtifactSummary.of(a)));
        }
        ObjectNode meta = root.putObject("run");
        meta.put("tool", "mfa-harness");
        meta.put("version", version);
        meta.put("cloud", cloud);
        meta.put("evaluatedAt", evaluatedAt.toString());
        return root;
    }

    public static ObjectNode artifact(ArtifactJudgement j) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", j.artifact().kind().label());
        n.put("verdict", j.verdict().name());
        n.put("mfa", j.mfa().name());
        if (j.decisive() != null) {
            n.put("decisive", j.decisive().code());
        }
        origin(j.artifact().origin(), n);
        n.set("summary", MAPPER.valueToTree(ArtifactSummary.of(j.artifact())));
        ArrayNode fs = n.putArray("findings");
        j.findings().forEach(f -> fs.add(finding(f)));
        return n;
    }

    public static ObjectNode finding(Finding f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("code", f.code());
        n.put("severity", f.severity().name());
        n.put("message", f.message());
        ObjectNode e = n.putObject("evidence");
        e.put("path", f.evidence().path());
        e.put("value", f.evidence().value());
        if (f.evidence().expected() != null) {
            e.put("expected", f.evidence().expected());
        }
        n.put("remediation", f.remediation());
        n.put("source", f.source());
        return n;
    }

    private static void origin(Origin o, ObjectNode n) {
        if (o.captured()) {
            n.put("hop", o.hop());
            if (o.time() != null) {
                n.put("time", o.time().toString());
            }
            if (o.method() != null) {
                n.put("method", o.method());
            }
            if (o.url() != null) {
                n.put("url", o.url());
            }
        }
        if (o.field() != null) {
            n.put("field", o.field());
        }
    }

    /** Findings as a JSON array (used by other renderers). */
    public static ArrayNode findings(List<Finding> findings) {
        ArrayNode a = MAPPER.createArrayNode();
        findings.forEach(f -> a.add(finding(f)));
        return a;
    }
}
