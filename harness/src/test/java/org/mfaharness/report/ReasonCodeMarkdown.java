package org.mfaharness.report;

import org.mfaharness.certify.CertifyCode;
import org.mfaharness.verify.ReasonCode;

/**
 * Renders {@code docs/reason-codes.md} from the {@link ReasonCode} catalogue and certify's own {@link CertifyCode}s,
 * so the documentation cannot drift (test code: the generator is not part of the tool):
 * {@code ReasonCodeCatalogueTest} compares the file with this rendering.
 */
final class ReasonCodeMarkdown {
    private ReasonCodeMarkdown() {
    }

    static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Reason codes\n\n");
        sb.append("Every finding carries one of these codes. The severity is the default; a certification plan may\n");
        sb.append("choose another. The MFA reading column says what the code establishes about the artifact's content\n");
        sb.append("(PRESENT, WEAK, ABSENT, UNKNOWN; blank when the code says nothing about MFA). The verdict of an\n");
        sb.append("artifact or a chain is its worst finding: FAIL > INCONCLUSIVE > WARN > PASS (INFO never counts).\n\n");
        sb.append("Sources are Microsoft's documentation as cited in the claims spec ([spec/mfa-claims.md](spec/mfa-claims.md));\n");
        sb.append("`docs/spec/…` sources point into that file.\n\n");
        sb.append("This file is generated from `harness/src/main/java/org/mfaharness/verify/ReasonCode.java` and\n");
        sb.append("`harness/src/main/java/org/mfaharness/certify/CertifyCode.java`;\n");
        sb.append("regenerate it with `mvn -B -ntp -pl harness -am test -Dtest=ReasonCodeCatalogueTest -Dmfa.regenerate=true`.\n");
        String group = null;
        for (ReasonCode c : ReasonCode.values()) {
            String g = groupOf(c);
            if (!g.equals(group)) {
                group = g;
                sb.append("\n## ").append(g).append("\n\n");
                sb.append("| code | severity | MFA reading | meaning | remediation | source |\n");
                sb.append("|---|---|---|---|---|---|\n");
            }
            sb.append("| `").append(c.name()).append("` | ").append(c.severity()).append(" | ")
                    .append(c.reading() == null ? "" : c.reading().name()).append(" | ")
                    .append(cell(c.meaning())).append(" | ").append(cell(c.remediation())).append(" | ")
                    .append(link(c.source())).append(" |\n");
        }
        sb.append("\n## Certification (`certify` only)\n\n");
        sb.append("Facts only a certification run observes: it sent the request, so it knows what should come back. A module's\n");
        sb.append("plan sets the severity it reports (FAIL for a documented requirement, WARN for a best practice);\n");
        sb.append("every module and requirement: [certify.md](certify.md).\n\n");
        sb.append("| code | passes | meaning | remediation |\n");
        sb.append("|---|---|---|---|\n");
        for (CertifyCode c : CertifyCode.values()) {
            sb.append("| `").append(c.name()).append("` | ").append(c.passes() ? "yes" : "no").append(" | ")
                    .append(cell(c.meaning())).append(" | ").append(cell(c.remediation())).append(" |\n");
        }
        return sb.toString();
    }

    private static String groupOf(ReasonCode c) {
        String n = c.name();
        if (n.startsWith("WSF_")) {
            return "WS-Federation (RSTR with SAML 1.1)";
        }
        if (n.startsWith("S2_")) {
            return "SAML 2.0";
        }
        if (n.startsWith("SIG_") || n.startsWith("XML_")) {
            return "XML and XML-DSig (both SAML versions)";
        }
        if (n.startsWith("TOKEN_") || n.startsWith("JOSE_") || n.startsWith("ENTRA_AMR") || n.equals("ENTRA_NO_AMR")) {
            return "JWTs and Entra tokens";
        }
        if (n.startsWith("EAM_")) {
            return "External Authentication Methods (EAM)";
        }
        if (n.startsWith("ENTRA_") || n.startsWith("PC_") || n.equals("CA_BLOCK")) {
            return "Errors from Entra and Partner Center";
        }
        if (n.startsWith("MFA_BY") || n.startsWith("IDP_") || n.startsWith("RT_") || n.startsWith("CHAIN_")) {
            return "The chain: attribution and false-positive guards";
        }
        return "Input";
    }

    private static String cell(String s) {
        return s.isEmpty() ? "—" : s.replace("|", "\\|");
    }

    private static String link(String source) {
        if (source.startsWith("http")) {
            return "[" + source.replaceFirst("https?://", "").replaceFirst("^learn\\.microsoft\\.com/", "learn: ") + "](" + source + ")";
        }
        String rel = source.replaceFirst("^docs/", "");
        return "[" + rel.replaceFirst("#.*", "") + "](" + rel + ")";
    }
}
