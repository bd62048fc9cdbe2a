package org.mfaharness.certify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.certify.lab.CertifyLab;
import org.mfaharness.certify.plan.Plans;
import org.mfaharness.lab.LabUser;
import org.mfaharness.scenario.browser.BrowserKind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plans' acceptance test, in HtmlUnit through the harness proxy: every plan against the lab's IdPs and EAM
 * providers in every planted behaviour, with the harness as Entra. A conformant lab IdP or provider passes every
 * module of its plan; each planted fault fails (or warns on) exactly the module that names it and no other; the run
 * folders render (certificate.html parsed, junit.xml one testcase per module, result.json, evidence.zip) and hold no
 * secret. One lab for the whole class; the behaviours run two at a time.
 */
class CertifyLabAcceptanceTest {
    static CertifyLab lab;
    static Instant started;
    static List<CertifyLab.Row> rows;
    static Map<String, CertifyLab.Row> byKey;
    @TempDir
    static Path out;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void runEveryBehaviour() throws Exception {
        lab = CertifyLab.start();
        started = Instant.now();
        rows = lab.runAll(List.of(), BrowserKind.HTMLUNIT, out, 2, "test", line -> { });
        byKey = rows.stream().collect(Collectors.toMap(r -> r.plan() + "/" + r.behaviour(), Function.identity()));
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    static JsonNode certification(String key) throws Exception {
        return JSON.readTree(byKey.get(key).runDir().resolve("result.json").toFile()).get("certification");
    }

    static JsonNode module(JsonNode certification, String name) {
        for (JsonNode m : certification.get("modules")) {
            if (m.get("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no module " + name);
    }

    static List<String> codes(JsonNode module) {
        List<String> out = new ArrayList<>();
        module.get("evidence").forEach(e -> out.add(e.get("code").asText()));
        return out;
    }

    @Test
    void everyPlantedFaultFailsExactlyTheModuleThatNamesIt() {
        assertThat(rows).hasSize(CertifyLab.BEHAVIOURS.size());
        for (CertifyLab.Row r : rows) {
            assertThat(r.error()).as(r.plan() + "/" + r.behaviour()).isNull();
            assertThat(r.actual()).as(r.plan() + "/" + r.behaviour() + " (modules that did not pass)").isEqualTo(r.expected());
        }
        assertThat(byKey.get("wsfed/https-typo").actual()).containsExactly("StepUpYieldsDocumentedMfaClaim=FAIL");
        assertThat(byKey.get("saml2/attribute-only").actual()).containsExactly("AttributeOnlyMfaIsNotAccepted=FAIL");
        assertThat(byKey.get("eam/amr-mfa").actual()).containsExactly("SingleAllowedAmr=FAIL");
        assertThat(byKey.get("eam/jwk-without-x5c").actual()).containsExactly("JwksKeysHaveX5c=FAIL");
        assertThat(byKey.get("eam/issuer-trailing-slash").actual()).containsExactly("IssuerMatchesDiscovery=FAIL");
    }

    @Test
    void aConformantLabIdpOrProviderPassesEveryModuleOfItsPlan() throws Exception {
        for (String plan : List.of("wsfed", "saml2", "eam")) {
            JsonNode c = certification(plan + "/conformant");
            assertThat(c.get("overall").asText()).as(plan).isEqualTo("CONFORMANT");
            assertThat(c.get("modules")).hasSize(Plans.named(plan).orElseThrow().entries().size());
            c.get("modules").forEach(m -> assertThat(m.get("outcome").asText()).as(plan + " " + m.get("name").asText()).isEqualTo("PASS"));
        }
    }

    @Test
    void federationMetadataIsReadFromTheUrlTheIdpPublishesItAtThroughTheProxy() throws Exception {
        for (String[] p : List.of(new String[] {"wsfed/conformant", "/FederationMetadata/2007-06/FederationMetadata.xml"},
                new String[] {"saml2/conformant", "/saml2/metadata"})) {
            JsonNode har = JSON.readTree(byKey.get(p[0]).runDir().resolve("capture.har").toFile());
            List<String> fetched = new ArrayList<>();
            har.get("log").get("entries").forEach(e -> {
                String url = e.get("request").get("url").asText();
                if (url.contains(p[1])) {
                    fetched.add(e.get("response").get("status").asInt() + " " + url);
                }
            });
            assertThat(fetched).as(p[0]).hasSize(1);
            assertThat(fetched.get(0)).as(p[0]).startsWith("200 https://");
        }
    }

    @Test
    void claimModulesJudgeTheContentWhateverTheSignature() throws Exception {
        for (String key : List.of("wsfed/unsigned", "wsfed/wrong-key", "saml2/unsigned", "saml2/wrong-key")) {
            JsonNode c = certification(key);
            JsonNode stepUp = module(c, "StepUpYieldsDocumentedMfaClaim");
            assertThat(stepUp.get("outcome").asText()).as(key).isEqualTo("PASS");
            assertThat(codes(stepUp)).as(key).containsAnyOf("WSF_MFA_AUTHNSTMT", "S2_MFA_CLASSREF");
            assertThat(module(c, "NoClaimWithoutSecondFactor").get("outcome").asText()).isEqualTo("PASS");
            JsonNode sig = module(c, "AssertionSignatureVerifies");
            assertThat(sig.get("outcome").asText()).isEqualTo("FAIL");
            assertThat(codes(sig)).as(key).containsAnyOf("WSF_SIG_MISSING", "WSF_SIG_INVALID", "S2_ASSERTION_UNSIGNED", "S2_SIG_INVALID");
        }
        // A claim without any second factor is the false-positive module's failure, not the claim module's.
        JsonNode fp = certification("wsfed/claim-without-mfa");
        assertThat(module(fp, "StepUpYieldsDocumentedMfaClaim").get("outcome").asText()).isEqualTo("PASS");
        assertThat(codes(module(fp, "NoClaimWithoutSecondFactor"))).contains("IDP_MFA_UNOBSERVED");
    }

    @Test
    void sha1IsAWarningOfTheSignatureModuleAndTheIdpStaysConformantWithWarnings() throws Exception {
        for (String plan : List.of("wsfed", "saml2")) {
            JsonNode c = certification(plan + "/sha1");
            assertThat(c.get("overall").asText()).isEqualTo("CONFORMANT_WITH_WARNINGS");
            JsonNode sig = module(c, "AssertionSignatureVerifies");
            assertThat(sig.get("outcome").asText()).as(plan).isEqualTo("WARN");
            assertThat(codes(sig)).as(plan).contains("SIG_SHA1");
        }
    }

    @Test
    void aProviderThatTrustsOnlyItsOwnEntraIsReportedPlainlyAsNotRun() throws Exception {
        JsonNode c = certification("eam/conformant (trusts only its own Entra)");
        assertThat(c.get("overall").asText()).isEqualTo("INCOMPLETE");
        assertThat(module(c, "DiscoveryDocumentConforms").get("outcome").asText()).isEqualTo("PASS");
        assertThat(module(c, "JwksKeysHaveX5c").get("outcome").asText()).isEqualTo("PASS");
        String msg = module(c, "ProviderIssuesIdTokenAfterSecondFactor").get("message").asText();
        assertThat(msg).contains("refused the harness's authorize request before any second factor")
                .contains("only against Microsoft's keys").contains("/common/v2.0/.well-known/openid-configuration");
        assertThat(c.get("notes").toString()).contains("did not complete");
    }

    @Test
    void accessDeniedIsReportedAndNoTokenWithoutTheSecondFactor() throws Exception {
        JsonNode c = certification("eam/conformant");
        assertThat(module(c, "AccessDeniedIsReported").get("message").asText()).contains("error=access_denied with state after the wrong codes");
        assertThat(module(c, "NoIdTokenWithoutSecondFactor").get("outcome").asText()).isEqualTo("PASS");
        JsonNode d = certification("eam/access-denied");
        assertThat(codes(module(d, "ProviderIssuesIdTokenAfterSecondFactor"))).contains("EAM_PROVIDER_ERROR");
        assertThat(module(d, "AccessDeniedIsReported").get("outcome").asText()).isEqualTo("PASS");
    }

    @Test
    void theCertificateRendersTheOverallLineAndEachModuleRow() throws Exception {
        Path dir = byKey.get("wsfed/no-claim").runDir();
        try (WebClient wc = new WebClient()) {
            wc.getOptions().setJavaScriptEnabled(false);
            wc.getOptions().setCssEnabled(false);
            HtmlPage page = wc.getPage(dir.resolve("certificate.html").toUri().toURL());
            assertThat(page.getElementById("overall-line").getTextContent().strip()).isEqualTo("not conformant");
            assertThat(page.getElementById("overall").getAttribute("class")).contains("NOT_CONFORMANT");
            assertThat(page.getElementById("product").getTextContent()).isEqualTo("lab wsfed IdP (no-claim)");
            assertThat(page.getElementById("plan-version").getTextContent()).isEqualTo("1.0");
            assertThat(page.getElementById("date").getTextContent()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
            DomElement row = page.getElementById("module-StepUpYieldsDocumentedMfaClaim");
            assertThat(row.getAttribute("class")).isEqualTo("module FAIL");
            assertThat(row.getTextContent()).contains("SPEC-1a-AUTHNMETHOD").contains("SPEC-1a-WAUTH").contains("WSF_NO_MFA_CLAIM");
            List<String> hrefs = row.getElementsByTagName("a").stream().map(a -> ((HtmlAnchor) a).getHrefAttribute()).toList();
            assertThat(hrefs).contains("https://learn.microsoft.com/entra/identity/authentication/how-to-mfa-expected-inbound-assertions",
                    "https://support.microsoft.com/help/4037806");
            assertThat(page.getElementById("module-AudienceIsMicrosoftOnline").getAttribute("class")).isEqualTo("module PASS");
            int rowsOnPage = page.getByXPath("//tr[starts-with(@id,'module-')]").size();
            assertThat(rowsOnPage).isEqualTo(Plans.named("wsfed").orElseThrow().entries().size());
            String html = Files.readString(dir.resolve("certificate.html"));
            assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'").doesNotContain("<script");
        }
    }

    @Test
    void theRunFolderHasTheReportsIssueFilesWithOneJunitTestcasePerModule() throws Exception {
        Path dir = byKey.get("saml2/attribute-only").runDir();
        for (String f : List.of("result.json", "index.html", "junit.xml", "capture.har", "evidence.zip", "certificate.html")) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
        }
        Document junit = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        NodeList cases = junit.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(Plans.named("saml2").orElseThrow().entries().size());
        NodeList failures = junit.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element failed = (Element) failures.item(0).getParentNode();
        assertThat(failed.getAttribute("name")).isEqualTo("AttributeOnlyMfaIsNotAccepted");
        assertThat(((Element) failures.item(0)).getAttribute("type")).isEqualTo("SPEC-1b-ATTRIBUTES-IGNORED");
        String resultText = Files.readString(dir.resolve("result.json"));
        assertThat(resultSchema().validate(resultText, com.networknt.schema.InputFormat.JSON)).as("result.json against docs/result.schema.json").isEmpty();
        JsonNode result = JSON.readTree(resultText);
        assertThat(result.get("run").get("mode").asText()).isEqualTo("certify");
        assertThat(result.get("artifacts").size()).as("one Response per sign-in").isEqualTo(3);
        assertThat(result.get("certification").get("planVersion").asText()).isEqualTo("1.0");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("Content-Security-Policy");
        List<String> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(dir.resolve("evidence.zip")); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).contains("result.json", "capture.har");
        assertThat(Files.getPosixFilePermissions(dir.resolve("result.json"))).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    /** docs/result.schema.json, served from memory so its $ref to inspect.schema.json resolves offline. */
    static com.networknt.schema.Schema resultSchema() throws java.io.IOException {
        String base = "https://schemas.mfa-harness.invalid/";
        Map<String, String> files = Map.of(base + "inspect.schema.json", Files.readString(Path.of("../docs/inspect.schema.json")),
                base + "result.schema.json", Files.readString(Path.of("../docs/result.schema.json")));
        return com.networknt.schema.SchemaRegistry.withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(files)).getSchema(com.networknt.schema.SchemaLocation.of(base + "result.schema.json"));
    }

    @Test
    void noRunFolderHoldsAPasswordSeedCodeOrCookie() throws Exception {
        List<LabUser> users = lab.lab().users();
        int scanned = 0;
        for (CertifyLab.Row r : rows) {
            CertifyLab.Behaviour b = CertifyLab.BEHAVIOURS.get(rows.indexOf(r));
            LabUser u = lab.lab().user(b.upn()).orElseThrow();
            scanned += SecretScan.assertNoSecretsIn(r.runDir(), SecretScan.longSecrets(users), SecretScan.codes(u.totpSeed(), started));
        }
        assertThat(scanned).isGreaterThanOrEqualTo(rows.size() * 8);
    }

    @Test
    void theSecretScanFindsAPlantedSeed() throws Exception {
        Path planted = out.resolve("planted");
        Files.createDirectories(planted);
        LabUser u = lab.lab().users().get(0);
        Files.writeString(planted.resolve("leak.json"), "{\"totpCode\":\"" + SecretScan.codes(u.totpSeed(), Instant.now()).iterator().next() + "\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecretScan.assertNoSecretsIn(planted, java.util.Set.of(),
                SecretScan.codes(u.totpSeed(), Instant.now()))).hasMessageContaining("one-time code");
        Files.writeString(planted.resolve("leak.json"), "seed " + u.totpSeed());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecretScan.assertNoSecretsIn(planted, SecretScan.longSecrets(List.of(u)),
                java.util.Set.of())).hasMessageContaining("password or TOTP seed").hasMessageNotContaining(u.totpSeed());
    }

    @Test
    void theSecretScanFindsAPlantedCookie() throws Exception {
        Path planted = Files.createDirectories(out.resolve("planted-cookie"));
        Path har = planted.resolve("capture.har");
        String redacted = "{\"headers\": [{\"name\": \"Cookie\", \"value\": \"MSISAuth=REDACTED; MSISSamlSmLogout=REDACTED\"},"
                + " {\"name\": \"Set-Cookie\", \"value\": \"MSISAuth=REDACTED; path=/adfs; secure; HttpOnly\"}]}";
        Files.writeString(har, redacted);
        assertThat(SecretScan.assertNoSecretsIn(planted, java.util.Set.of(), java.util.Set.of())).as("a redacted HAR passes").isEqualTo(1);
        String session = "AAEAAm9yZzpmYWJyaWthbS1zZXNzaW9uLWNvb2tpZQ";
        for (String leak : List.of("{\"name\":\"Cookie\",\"value\":\"MSISAuth=" + session + "\"}",
                "{\"name\": \"Cookie\", \"value\": \"MSISAuth=REDACTED; SamlSession=" + session + "\"}",
                "{\"name\" : \"set-cookie\", \"value\" : \"MSISAuth=" + session + "; path=/adfs; secure\"}")) {
            Files.writeString(har, redacted.replace("]}", ", " + leak + "]}"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecretScan.assertNoSecretsIn(planted, java.util.Set.of(), java.util.Set.of()),
                    "the scan of a HAR with %s", leak).hasMessageContaining("capture.har").hasMessageContaining("cookie value").hasMessageNotContaining(session);
        }
    }
}
