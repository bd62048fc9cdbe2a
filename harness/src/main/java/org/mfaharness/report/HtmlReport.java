package org.mfaharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.artifact.Origin;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.chain.ChainJudgement;

/**
 * {@code index.html}: one self-contained page (inline CSS, no script, no external request, a strict
 * Content-Security-Policy) rendered with Mustache, which HTML-escapes every value: artifact text is hostile input.
 * Links are rendered only for http(s) URLs. Usable without JavaScript; the WARN/FAIL filter is pure CSS.
 */
public final class HtmlReport {
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("report").compile("index.mustache");
    static final String DECISIVE_MARK = "▶";

    private HtmlReport() {
    }

    public static String render(RunInfo run, ChainJudgement c, String version) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", run.name());
        v.put("mode", run.mode());
        v.put("cloud", run.cloud());
        v.put("tenant", run.tenant());
        v.put("evaluatedAt", run.evaluatedAt().toString());
        v.put("tool", "mfa-harness");
        v.put("version", version);
        v.put("generatedAt", Instant.now().toString());
        v.put("raw", "raw".equals(run.redaction()));
        v.put("share", "share".equals(run.redaction()));
        v.put("verdict", c.verdict().name());
        v.put("mfa", c.mfa().name());
        v.put("mfaBy", c.mfaBy().label());
        v.put("sentence", VerdictSentence.of(c));
        v.put("remediation", c.decisive() == null || c.decisive().remediation().isEmpty() ? null : c.decisive().remediation());
        v.put("decisiveCode", c.decisive() == null ? null : c.decisive().code());
        List<Map<String, Object>> timeline = new ArrayList<>();
        List<Map<String, Object>> artifacts = new ArrayList<>();
        int i = 1;
        for (ArtifactJudgement j : c.hops()) {
            String where = where(j.artifact().origin());
            timeline.add(Map.of("index", i, "verdict", j.verdict().name(), "label", j.artifact().kind().label(), "where", where));
            artifacts.add(artifact(i++, j, where, run.evaluatedAt()));
        }
        v.put("timeline", timeline);
        v.put("artifacts", artifacts);
        v.put("chainFindings", c.findings().stream().map(HtmlReport::finding).toList());
        v.put("hasChainFindings", !c.findings().isEmpty());
        StringWriter w = new StringWriter();
        TEMPLATE.execute(w, v);
        return w.toString();
    }

    private static Map<String, Object> artifact(int index, ArtifactJudgement j, String where, Instant at) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("index", index);
        a.put("kind", j.artifact().kind().label());
        a.put("verdict", j.verdict().name());
        a.put("mfa", j.mfa().name());
        a.put("where", where);
        List<Map<String, Object>> summary = new ArrayList<>();
        ArtifactSummary.of(j.artifact()).forEach((k, val) -> summary.add(Map.of("key", k, "value", shorten(String.valueOf(val)))));
        a.put("summary", summary);
        a.put("hasSummary", !summary.isEmpty());
        a.put("findings", j.findings().stream().map(HtmlReport::finding).toList());
        Evidence decisive = j.decisive() == null ? null : j.decisive().evidence();
        if (j.artifact() instanceof JwtToken t) {
            List<Map<String, Object>> claims = claims(t, decisive, at);
            a.put("claims", claims);
            a.put("hasClaims", !claims.isEmpty());
        }
        List<String> lines = DecodedView.lines(j.artifact(), at);
        int hit = DecodedView.decisiveLine(lines, decisive);
        List<Map<String, Object>> decoded = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            decoded.add(Map.of("text", lines.get(i), "hl", i == hit));
        }
        a.put("decoded", decoded);
        a.put("hasDecoded", !decoded.isEmpty());
        a.put("openDecoded", hit >= 0 && !(j.artifact() instanceof JwtToken));
        return a;
    }

    private static List<Map<String, Object>> claims(JwtToken t, Evidence decisive, Instant at) {
        List<Map<String, Object>> out = new ArrayList<>();
        String decisiveClaim = decisive != null && decisive.path().startsWith("payload.") ? decisive.path().substring(8) : null;
        Iterator<Map.Entry<String, JsonNode>> it = t.claims().fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.getKey());
            m.put("value", shorten(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            Instant when = DecodedView.timeClaim(e.getKey(), e.getValue());
            if (when != null) {
                m.put("utc", when.toString());
                m.put("relative", DecodedView.relative(when, at));
            } else {
                m.put("utc", "");
                m.put("relative", "");
            }
            m.put("decisive", e.getKey().equals(decisiveClaim));
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", f.severity().name());
        m.put("code", f.code());
        m.put("message", f.message());
        m.put("path", f.evidence().path().isEmpty() ? null : f.evidence().path());
        m.put("value", f.evidence().value() == null ? null : shorten(f.evidence().value()));
        m.put("expected", f.evidence().expected());
        m.put("remediation", f.remediation().isEmpty() ? null : f.remediation());
        m.put("href", safeHref(f.source()));
        m.put("sourceLabel", f.source().replaceFirst("^https?://", ""));
        return m;
    }

    /** The URL itself when it is an absolute http(s) URL, else null: no {@code javascript:}, {@code data:}, relative links. */
    public static String safeHref(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && u.getHost() != null ? u.toString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String where(Origin o) {
        StringBuilder sb = new StringBuilder();
        if (o.captured()) {
            sb.append("hop ").append(o.hop());
            if (o.host() != null) {
                sb.append(" · ").append(o.method() == null ? "" : o.method() + " ").append(o.host()).append(o.path() == null ? "" : o.path());
            }
        }
        if (o.field() != null) {
            sb.append(sb.length() == 0 ? "" : " · ").append("field ").append(o.field());
        }
        return sb.toString();
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
