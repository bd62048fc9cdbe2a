package org.mfaharness.certify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.certify.lab.CertifyLab;
import org.mfaharness.certify.run.Certifier;
import org.mfaharness.lab.LabUser;
import org.mfaharness.scenario.browser.BrowserFactory;
import org.mfaharness.scenario.browser.BrowserKind;

/**
 * The real browser: one plan of each protocol certifies the lab's conformant IdP or provider in headless Chromium
 * (from {@code BrowserFactory}, through the harness proxy, pinning its CA), and a planted fault is caught there too.
 */
class CertifyInChromiumTest {
    static CertifyLab lab;
    static Instant started;
    @TempDir
    static Path out;

    @BeforeAll
    static void startLab() {
        assertThat(BrowserFactory.chromiumInstalled()).as("Chromium is installed by .ci/run").isTrue();
        lab = CertifyLab.start();
        started = Instant.now();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    static CertifyLab.Behaviour behaviour(String plan, String id) {
        return CertifyLab.BEHAVIOURS.stream().filter(b -> b.plan().equals(plan) && b.id().equals(id) && b.trusted()).findFirst().orElseThrow();
    }

    @Test
    void theConformantLabPartiesPassEveryModuleInChromium() throws Exception {
        for (String plan : List.of("wsfed", "saml2", "eam")) {
            Certifier.Result r = new Certifier(lab.options(behaviour(plan, "conformant"), BrowserKind.CHROMIUM, out).version("test").build()).run();
            assertThat(r.certification().nonPassing()).as(plan).isEmpty();
            assertThat(r.certification().overall()).isEqualTo(Overall.CONFORMANT);
            LabUser u = lab.lab().user(behaviour(plan, "conformant").upn()).orElseThrow();
            SecretScan.assertNoSecretsIn(r.runDir(), SecretScan.longSecrets(lab.lab().users()), SecretScan.codes(u.totpSeed(), started));
        }
    }

    @Test
    void aPlantedFaultIsCaughtInChromium() throws Exception {
        CertifyLab.Row row = lab.run(behaviour("eam", "sub-is-oid"), BrowserKind.CHROMIUM, out, "test", line -> { });
        assertThat(row.error()).isNull();
        assertThat(row.actual()).containsExactly("IdTokenSubjectIsHintSubject=FAIL");
    }
}
