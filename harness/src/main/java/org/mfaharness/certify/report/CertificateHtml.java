package org.mfaharness.certify.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfaharness.certify.Certification;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.ModuleResult;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.Requirement;
import org.mfaharness.report.HtmlReport;
import org.mfaharness.verify.Finding;

/**
 * {@code certificate.html}: the certification on one self-contained page (inline CSS, no script, no external request,
 * the same Content-Security-Policy as index.html), rendered with Mustache, which HTML-escapes every value — evidence
 * is text from the IdP, hostile input. Source links are rendered only for http(s) URLs; evidence values are shortened.
 */
public final class CertificateHtml {
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("report").compile("certificate.mustache");
    static final int MAX_VALUE = 160;

    private CertificateHtml() {
    }

    public static String render(Certification c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("product", c.product());
        v.put("date", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(c.startedAt()));
        v.put("startedAt", c.startedAt().toString());
        v.put("plan", c.plan());
        v.put("planTitle", c.planTitle());
        v.put("planVersion", c.planVersion());
        v.put("target", c.target());
        v.put("cloud", c.cloud());
        v.put("version", c.harnessVersion());
        v.put("overall", c.overall().name());
        v.put("overallLabel", c.overall().label());
        v.put("passed", c.count(Outcome.PASS));
        v.put("warned", c.count(Outcome.WARN));
        v.put("failed", c.count(Outcome.FAIL));
        v.put("notRun", c.count(Outcome.NOT_RUN));
        v.put("notes", c.notes());
        v.put("hasNotes", !c.notes().isEmpty());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModuleResult r : c.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("displayName", r.displayName());
            m.put("summary", r.summary());
            m.put("severity", r.severity().name());
            m.put("outcome", r.outcome().name());
            m.put("outcomeLabel", r.outcome() == Outcome.NOT_RUN ? "NOT RUN" : r.outcome().name());
            m.put("message", r.message());
            List<Map<String, Object>> reqs = new ArrayList<>();
            for (Requirement q : r.requirements()) {
                Map<String, Object> rq = new LinkedHashMap<>();
                rq.put("id", q.id());
                rq.put("text", q.text());
                rq.put("href", HtmlReport.safeHref(q.source()));
                rq.put("source", q.source().replaceFirst("^https?://", ""));
                reqs.add(rq);
            }
            m.put("requirements", reqs);
            List<Map<String, Object>> ev = new ArrayList<>();
            for (LegFinding lf : r.evidence()) {
                Finding f = lf.finding();
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("signIn", lf.leg());
                e.put("severity", f.severity().name());
                e.put("code", f.code());
                e.put("message", f.message());
                e.put("path", f.evidence().path().isEmpty() ? null : f.evidence().path());
                e.put("value", shorten(f.evidence().value()));
                e.put("expected", shorten(f.evidence().expected()));
                ev.add(e);
            }
            m.put("evidence", ev);
            m.put("hasEvidence", !ev.isEmpty());
            rows.add(m);
        }
        v.put("modules", rows);
        StringWriter w = new StringWriter();
        TEMPLATE.execute(w, v);
        return w.toString();
    }

    /** Human views shorten values: tokens and signatures are never shown whole. */
    static String shorten(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE - 1) + "…" : s;
    }
}
