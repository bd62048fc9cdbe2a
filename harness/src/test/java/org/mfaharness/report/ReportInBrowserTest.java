package org.mfaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.lab.Lab;
import org.mfaharness.lab.LabMode;
import org.mfaharness.scenario.RunOutcome;
import org.mfaharness.scenario.Scenario;
import org.mfaharness.scenario.ScenarioLoader;
import org.mfaharness.scenario.ScenarioRunner;
import org.mfaharness.scenario.browser.Browser;
import org.mfaharness.scenario.browser.BrowserFactory;
import org.mfaharness.scenario.browser.BrowserKind;
import org.mfaharness.verify.trust.Jwks;
import org.mfaharness.verify.trust.TrustMaterial;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;

/**
 * index.html from a real lab run, opened in headless Chromium at desktop and at phone width: the verdict sentence,
 * the timeline and the highlighted claim are visible, the CSS-only WARN/FAIL filter works, and the page logs no
 * console error. Screenshots are kept under target/report-screenshots/.
 */
class ReportInBrowserTest {
    static Lab lab;
    static Path runDir;
    @TempDir
    static Path reports;

    @BeforeAll
    static void runOneScenario() throws Exception {
        lab = Lab.builder().mode(LabMode.NAMED).start();
        TrustMaterial trust = new TrustMaterial(org.mfaharness.verify.trust.Certificates.parse(lab.idpCertificatePem("adfs"), "adfs"),
                null, Jwks.parse(lab.entraJwks(), "lab"), List.of(), null);
        ScenarioRunner r = new ScenarioRunner(new ScenarioRunner.Environment(lab, BrowserKind.HTMLUNIT, null, reports, trust, "test", l -> { }));
        Scenario s = ScenarioLoader.load(Path.of("../scenarios/lab/wsfed-noclaim-accept.yaml"));
        RunOutcome o = r.run(s, r.resolve(s, System.getenv()));
        assertThat(o.met()).as(o.mismatches().toString()).isTrue();
        runDir = o.runDir();
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @Test
    void theReportReadsAtDesktopAndPhoneWidthWithoutConsoleErrors() throws Exception {
        Path shots = Path.of("target/report-screenshots");
        Files.createDirectories(shots);
        try (Browser b = BrowserFactory.open(BrowserFactory.Options.chromium())) {
            WebDriver d = b.driver();
            for (int width : new int[] {1280, 375}) {
                d.manage().window().setSize(new Dimension(width, 900));
                d.get(runDir.resolve(RunFolder.HTML).toUri().toString());
                WebElement sentence = d.findElement(By.id("sentence"));
                assertThat(sentence.isDisplayed()).isTrue();
                assertThat(sentence.getText()).startsWith("Partner Center would accept this sign-in, with a warning");
                List<WebElement> hops = d.findElements(By.cssSelector("#timeline li"));
                assertThat(hops).hasSizeGreaterThanOrEqualTo(3).allMatch(WebElement::isDisplayed);
                assertThat(d.findElement(By.cssSelector("#timeline")).getText()).contains("wsfed-rstr", "entra-token");
                // The Partner Center token's decisive claim (amr with "mfa") is highlighted in its claims table.
                assertThat(d.findElements(By.cssSelector("mark")).stream().filter(WebElement::isDisplayed).map(WebElement::getText))
                        .anyMatch(t -> t.contains("\"mfa\""));
                assertThat(d.findElement(By.tagName("body")).getSize().getWidth()).isLessThanOrEqualTo(width);
                Files.write(shots.resolve("index-" + width + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
            }
            WebElement pass = d.findElements(By.cssSelector(".finding.PASS")).get(0);
            assertThat(pass.isDisplayed()).isTrue();
            d.findElement(By.id("problems-only")).click();
            assertThat(pass.isDisplayed()).as("the CSS-only filter hides PASS findings").isFalse();
            assertThat(d.manage().logs().get(LogType.BROWSER).getAll()).as("console errors").isEmpty();
        }
    }
}
