package org.mfaharness.report;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.Severity;
import org.mfaharness.verify.chain.ChainJudgement;

/**
 * The text view of a judgement: the verdict and its reason first, then each artifact with one line per finding, then
 * the decoded artifact with the decisive element marked {@code ▶}. Meant for a terminal; machine readers use JSON.
 */
public final class TextReport {
    private TextReport() {
    }

    public static void write(ChainJudgement c, Instant at, PrintWriter out) {
        out.println("Verdict: " + c.verdict() + "   MFA: " + c.mfa() + "   MFA by: " + c.mfaBy().label());
        Finding d = c.decisive();
        if (d != null) {
            out.println("  " + d.code() + ": " + d.message());
            if (!d.remediation().isEmpty()) {
                out.println("  What to change: " + d.remediation());
            }
        }
        int n = 1;
        for (ArtifactJudgement j : c.hops()) {
            out.println();
            int hop = j.artifact().origin().hop();
            out.println("[" + n++ + "] " + j.artifact().kind().label() + (hop >= 0 ? " (hop " + hop + ")" : "")
                    + (j.artifact().origin().field() != null ? " from " + j.artifact().origin().field() : "")
                    + "   " + j.verdict() + "   mfa " + j.mfa());
            findings(j.findings(), out);
            List<String> lines = DecodedView.lines(j.artifact(), at);
            if (!lines.isEmpty()) {
                out.println("    decoded:");
                int hit = DecodedView.decisiveLine(lines, j.decisive() == null ? null : j.decisive().evidence());
                for (int i = 0; i < lines.size(); i++) {
                    out.println((i == hit ? "  ▶   " : "      ") + lines.get(i));
                }
            }
        }
        if (!c.findings().isEmpty()) {
            out.println();
            out.println("Chain:");
            findings(c.findings(), out);
        }
        out.flush();
    }

    private static void findings(List<Finding> fs, PrintWriter out) {
        for (Finding f : fs) {
            out.printf("    %-12s %-28s %s%n", f.severity(), f.code(), f.message());
            Evidence e = f.evidence();
            if (f.severity() != Severity.INFO && f.severity() != Severity.PASS && !e.path().isEmpty()) {
                out.println("                 at " + e.path() + (e.value() == null ? " (absent)" : " = " + shorten(e.value()))
                        + (e.expected() == null ? "" : "   expected " + shorten(e.expected())));
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
