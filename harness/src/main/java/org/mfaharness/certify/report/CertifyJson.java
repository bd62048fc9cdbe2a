package org.mfaharness.certify.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.mfaharness.certify.Certification;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.ModuleResult;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;
import org.mfaharness.report.JudgementJson;
import org.mfaharness.verify.Finding;

/**
 * The certification as JSON: the {@code certification} member of result.json and the document {@code certify
 * --format json} prints. Evidence values are whole here (machine output); people's views shorten them.
 */
public final class CertifyJson {
    /** Bumped when the document's shape changes incompatibly. */
    public static final int SCHEMA_VERSION = 1;

    private CertifyJson() {
    }

    public static ObjectNode of(Certification c, Path runDir) {
        ObjectNode n = JudgementJson.MAPPER.createObjectNode();
        n.put("schemaVersion", SCHEMA_VERSION);
        n.put("plan", c.plan());
        n.put("planTitle", c.planTitle());
        n.put("planVersion", c.planVersion());
        n.put("product", c.product());
        n.put("target", c.target());
        n.put("cloud", c.cloud());
        n.put("startedAt", c.startedAt().toString());
        n.put("finishedAt", c.finishedAt().toString());
        n.put("overall", c.overall().name());
        n.put("overallLabel", c.overall().label());
        ObjectNode counts = n.putObject("counts");
        for (Outcome o : Outcome.values()) {
            counts.put(o.name(), c.count(o));
        }
        ArrayNode mods = n.putArray("modules");
        for (ModuleResult r : c.results()) {
            ObjectNode m = mods.addObject();
            m.put("name", r.name());
            m.put("displayName", r.displayName());
            m.put("summary", r.summary());
            ArrayNode reqs = m.putArray("requirements");
            for (Requirement q : r.requirements()) {
                reqs.addObject().put("id", q.id()).put("text", q.text()).put("source", q.source());
            }
            m.put("severity", r.severity().name());
            m.put("outcome", r.outcome().name());
            m.put("message", r.message());
            ArrayNode ev = m.putArray("evidence");
            for (LegFinding lf : r.evidence()) {
                Finding f = lf.finding();
                ObjectNode e = ev.addObject();
                e.put("signIn", lf.leg());
                e.put("code", f.code());
                e.put("severity", f.severity().name());
                e.put("message", f.message());
                e.put("path", f.evidence().path());
                e.put("value", f.evidence().value());
                e.put("expected", f.evidence().expected());
                e.put("source", f.source());
            }
        }
        ArrayNode notes = n.putArray("notes");
        c.notes().forEach(notes::add);
        n.put("harnessVersion", c.harnessVersion());
        if (runDir != null) {
            n.put("runFolder", runDir.toString());
            n.put("certificate", runDir.resolve(CertificationFolder.CERTIFICATE).toString());
        }
        return n;
    }
}
