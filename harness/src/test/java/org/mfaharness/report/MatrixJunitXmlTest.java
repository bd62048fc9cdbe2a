package org.mfaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The matrix's junit.xml: one testcase per scenario, a failure exactly for each scenario that missed. */
class MatrixJunitXmlTest {
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMatrixOfThreeWithTwoMissedHasThreeTestcasesAndTwoFailuresInWellFormedXml() throws Exception {
        String xml = JunitXml.renderMatrix("lab-matrix", Instant.parse("2026-01-02T03:04:05Z"), List.of(
                new JunitXml.ScenarioCase("met <&>", true, List.of(), "Partner Center would accept this sign-in.",
                        Path.of("reports/a"), 1200),
                new JunitXml.ScenarioCase("missed", false, List.of("verdict FAIL, expected PASS", "reason X not found"),
                        "Partner Center would reject \u0001this sign-in.", Path.of("reports/b"), 800),
                new JunitXml.ScenarioCase("crashed", false, List.of("could not run: IOException: disk full"), null, null, 0)));
        Document d = parse(xml);
        Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
        assertThat(d.getElementsByTagName("testsuite").getLength()).isEqualTo(1);
        assertThat(suite.getAttribute("name")).isEqualTo("lab-matrix");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("time")).isEqualTo("2.000");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-01-02T03:04:05");
        assertThat(d.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        Element met = (Element) d.getElementsByTagName("testcase").item(0);
        assertThat(met.getAttribute("name")).isEqualTo("met <&>");
        assertThat(met.getElementsByTagName("failure").getLength()).isZero();
        assertThat(met.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("Partner Center would accept this sign-in.\nrun folder: " + Path.of("reports/a"));
        Element missed = (Element) d.getElementsByTagName("testcase").item(1);
        assertThat(((Element) missed.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("verdict FAIL, expected PASS; reason X not found");
        assertThat(missed.getElementsByTagName("system-out").item(0).getTextContent()).contains("reject ?this");
        Element crashed = (Element) d.getElementsByTagName("testcase").item(2);
        assertThat(((Element) crashed.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("could not run: IOException: disk full");
        assertThat(crashed.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo("could not run");
    }
}
