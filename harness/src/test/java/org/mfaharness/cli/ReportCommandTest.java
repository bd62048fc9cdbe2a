package org.mfaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.testing.Tokens;

/**
 * A support engineer keeps a run folder and re-judges it later with {@code mfa-harness report}: with the trust material
 * and the partner tenant the run was judged with, unless told otherwise, and at another time when asked.
 */
class ReportCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OTHER_TENANT = "00000000-1111-2222-3333-444444444444";
    @TempDir
    Path dir;
    Path token;
    Path jwks;

    @BeforeEach
    void writeInputs() throws Exception {
        token = dir.resolve("pc-token.jwt");
        Files.writeString(token, Tokens.entra(Tokens.partnerCenterAccessToken(List.of("pwd", "mfa"))));
        jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, Tokens.entraJwks());
    }

    Path inspectInto(String... extra) throws Exception {
        Path reports = dir.resolve("reports");
        String[] args = Stream.concat(Stream.of("inspect", "--jwks", jwks.toString(), "--out", reports.toString()),
                Stream.concat(Stream.of(extra), Stream.of(token.toString()))).toArray(String[]::new);
        CliHarness.run(args);
        try (Stream<Path> s = Files.list(reports)) {
            return s.filter(p -> p.getFileName().toString().endsWith("pc-token.jwt")).findFirst().orElseThrow();
        }
    }

    static JsonNode result(Path run) throws Exception {
        return JSON.readTree(run.resolve("result.json").toFile());
    }

    static boolean failsWith(JsonNode result, String code) {
        return result.toString().contains("\"code\":\"" + code + "\"") && !result.get("verdict").asText().equals("PASS");
    }

    @Test
    void aReRenderJudgesAgainstTheTenantTheRunWasJudgedWith() throws Exception {
        Path run = inspectInto("--tenant", OTHER_TENANT);
        assertThat(failsWith(result(run), "TOKEN_TENANT_MISMATCH")).as("the inspect run").isTrue();

        CliHarness.Run again = CliHarness.run("report", run.toString());

        assertThat(again.exitCode()).as(again.err()).isEqualTo(1);
        assertThat(again.out()).contains("verdict FAIL").contains("re-rendered " + run.resolve("index.html"));
        JsonNode r = result(run);
        assertThat(failsWith(r, "TOKEN_TENANT_MISMATCH")).as(r.toString()).isTrue();
        assertThat(r.get("run").get("checkedTenant").asText()).isEqualTo(OTHER_TENANT);
    }

    @Test
    void theEvidenceBundleIsRejudgedAgainstTheTenantTheRunWasJudgedWith() throws Exception {
        Path run = inspectInto("--tenant", OTHER_TENANT);

        CliHarness.Run again = CliHarness.run("inspect", "--format", "json", run.resolve("evidence.zip").toString());

        assertThat(again.exitCode()).as(again.out()).isEqualTo(1);
        assertThat(again.out()).contains("\"code\" : \"TOKEN_TENANT_MISMATCH\"");
    }

    @Test
    void anotherTenantOnTheCommandLineReplacesTheRecordedOne() throws Exception {
        Path run = inspectInto("--tenant", OTHER_TENANT);

        CliHarness.Run again = CliHarness.run("report", "--tenant", Tokens.TENANT, run.toString());

        assertThat(again.exitCode()).as(again.out()).isZero();
        JsonNode r = result(run);
        assertThat(r.toString()).doesNotContain("\"code\":\"TOKEN_TENANT_MISMATCH\",\"severity\":\"FAIL\"");
        assertThat(r.get("run").get("checkedTenant").asText()).isEqualTo(Tokens.TENANT);

        CliHarness.Run third = CliHarness.run("report", run.toString());
        assertThat(third.exitCode()).as("a later plain re-render keeps the tenant given last").isZero();
        assertThat(result(run).get("run").get("checkedTenant").asText()).isEqualTo(Tokens.TENANT);
    }

    @Test
    void aLaterEvaluationTimeFindsTheTokenExpiredAndRewritesEveryFile() throws Exception {
        Path run = inspectInto();
        String htmlBefore = Files.readString(run.resolve("index.html"));
        assertThat(result(run).get("verdict").asText()).isIn("PASS", "WARN");

        CliHarness.Run again = CliHarness.run("report", "--at", "2100-01-01T00:00:00Z", run.toString());

        assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(1);
        JsonNode r = result(run);
        assertThat(failsWith(r, "TOKEN_EXPIRED")).as(r.toString()).isTrue();
        assertThat(r.get("run").get("evaluatedAt").asText()).startsWith("2100-01-01T00:00");
        assertThat(Files.readString(run.resolve("index.html"))).isNotEqualTo(htmlBefore).contains("TOKEN_EXPIRED");
        assertThat(Files.readString(run.resolve("junit.xml"))).contains("TOKEN_EXPIRED");
    }

    @Test
    void aFolderWithoutAResultIsNotARunFolder() throws Exception {
        CliHarness.Run r = CliHarness.run("report", dir.toString());

        assertThat(r.exitCode()).isEqualTo(66);
        assertThat(r.err().strip()).isEqualTo("mfa-harness: " + dir + " is not a run folder: no result.json");
    }

    @Test
    void aMissingFolderOrAFileIsSaidSo() throws Exception {
        CliHarness.Run none = CliHarness.run("report", dir.resolve("nope").toString());
        assertThat(none.exitCode()).isEqualTo(66);
        assertThat(none.err().strip()).isEqualTo("mfa-harness: " + dir.resolve("nope") + ": no such folder");

        CliHarness.Run file = CliHarness.run("report", token.toString());
        assertThat(file.exitCode()).isEqualTo(66);
        assertThat(file.err().strip()).isEqualTo("mfa-harness: " + token + " is a file, not a run folder (e.g. reports/latest)");
    }

    @Test
    void aDamagedResultIsOneLineAndTheFolderIsLeftAsItWas() throws Exception {
        Path run = inspectInto();
        Files.writeString(run.resolve("result.json"), "{\"verdict\": \"PASS\", \"artifacts\": [");
        String html = Files.readString(run.resolve("index.html"));

        CliHarness.Run r = CliHarness.run("report", run.toString());

        assertThat(r.exitCode()).isEqualTo(66);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("mfa-harness: " + run.resolve("result.json"));
        assertThat(Files.readString(run.resolve("index.html"))).isEqualTo(html);
    }
}
