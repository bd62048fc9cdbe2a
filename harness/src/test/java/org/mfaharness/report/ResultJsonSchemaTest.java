package org.mfaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.testing.Judging;
import org.mfaharness.testing.Saml2Builder;
import org.mfaharness.testing.Tokens;
import org.mfaharness.testing.WsFedBuilder;
import org.mfaharness.verify.chain.ChainJudgement;

/** result.json validates against docs/result.schema.json (which builds on inspect.schema.json). */
class ResultJsonSchemaTest {
    /** The schemas are served from memory under a base that never resolves, so "$ref": "inspect.schema.json" works offline. */
    static final String BASE = "https://schemas.mfa-harness.invalid/";
    static final Schema SCHEMA = load();

    static Schema load() {
        try {
            java.util.Map<String, String> files = java.util.Map.of(
                    BASE + "inspect.schema.json", Files.readString(Path.of("../docs/inspect.schema.json")),
                    BASE + "result.schema.json", Files.readString(Path.of("../docs/result.schema.json")));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(files))
                    .getSchema(SchemaLocation.of(BASE + "result.schema.json"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
    @TempDir
    Path reports;

    String resultOf(String artifact, String mode) throws Exception {
        ChainJudgement c = Judging.judge(artifact, Judging.trusting());
        Instant now = Instant.now();
        Path dir = RunFolder.create(reports, mode, now);
        RunFolder.write(dir, new RunReport(new RunInfo(mode, mode, "public", null, null, null, now, now, now, "default"), c,
                Judging.trusting().trust(), null, 3), "test");
        return Files.readString(dir.resolve(RunFolder.RESULT));
    }

    @Test
    void resultJsonForEveryKindOfRunIsValid() throws Exception {
        for (String artifact : List.of(WsFedBuilder.rstr().build(), Saml2Builder.response().build(),
                Tokens.entra(Tokens.partnerCenterAccessToken(List.of("mfa"))), "AADSTS50079: MFA required", "nothing at all")) {
            String json = resultOf(artifact, "inspect");
            assertThat(SCHEMA.validate(json, InputFormat.JSON)).as(json).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsAResultWithoutRawArtifacts() throws Exception {
        String json = resultOf(WsFedBuilder.rstr().build(), "inspect").replace("\"raw\"", "\"rawr\"");
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isNotEmpty();
    }
}
