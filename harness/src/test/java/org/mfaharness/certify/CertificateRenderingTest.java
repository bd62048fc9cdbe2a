package org.mfaharness.certify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.mfaharness.certify.report.CertificateHtml;
import org.mfaharness.certify.report.CertifyJunit;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.Severity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** certificate.html and junit.xml from a certification whose strings are hostile (they come from the IdP under test). */
class CertificateRenderingTest {
    static final String SCRIPT = "<script>alert(1)</script>";

    static Certification hostile() {
        Requirement bad = new Requirement("SPEC-X", "rule " + SCRIPT, "javascript:alert(1)");
        Requirement good = new Requirement("SPEC-Y", "rule", "https://learn.microsoft.com/x");
        Finding f = new Finding("WSF_NO_MFA_CLAIM", Severity.FAIL, "saw <img src=x onerror=alert(2)>",
                Evidence.expected("Assertion/@x", "v".repeat(500) + SCRIPT, "\"q\""), "", "");
        ModuleResult failed = new ModuleResult("StepUpYieldsDocumentedMfaClaim", "title " + SCRIPT, "Passes " + SCRIPT,
                List.of(bad, good), Severity.FAIL, Outcome.FAIL, "message " + SCRIPT + "\u0001", List.of(new LegFinding("step-up", f)));
        ModuleResult notRun = new ModuleResult("NonceEchoed", "n", "Passes.", List.of(good), Severity.FAIL, Outcome.NOT_RUN,
                "the provider refused", List.of());
        ModuleResult warned = new ModuleResult("MetadataSigningKeyIsStrong", "s", "Passes.", List.of(good), Severity.WARN, Outcome.WARN, "sha1", List.of());
        List<ModuleResult> results = List.of(failed, notRun, warned);
        return new Certification("wsfed", "WS-Fed " + SCRIPT, "1.0", "Product " + SCRIPT, "https://idp/" + SCRIPT, "public",
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:05:05Z"), results, Overall.of(results),
                List.of("note " + SCRIPT), "test");
    }

    @Test
    void everyValueIsEscapedAndOnlyHttpSourcesAreLinked() {
        String html = CertificateHtml.render(hostile());
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("href=\"javascript");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("<a href=\"https://learn.microsoft.com/x\"");
        assertThat(html).contains("<span class=\"src\">javascript:alert(1)</span>");
        assertThat(html).contains("http-equiv=\"Content-Security-Policy\"").contains("default-src 'none'");
        assertThat(html).doesNotContain("v".repeat(200));
        assertThat(html).contains("id=\"overall-line\">not conformant<").contains("2026-01-02 03:04 UTC");
        assertThat(html).contains("<tr class=\"module NOT_RUN\" id=\"module-NonceEchoed\">").contains("NOT RUN");
    }

    @Test
    void junitHasOneTestcasePerModuleFailuresByRequirementAndSkippedForNotRun() throws Exception {
        String xml = CertifyJunit.render(hostile());
        Document d = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(d.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        Element failure = (Element) d.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("SPEC-X SPEC-Y");
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("StepUpYieldsDocumentedMfaClaim");
        assertThat(((Element) d.getElementsByTagName("skipped").item(0)).getAttribute("message")).isEqualTo("could not run: the provider refused");
        assertThat(xml).doesNotContain("\u0001");
    }
}
