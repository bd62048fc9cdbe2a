package org.mfaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mfaharness.cli.CliHarness;

/** The JSON that inspect prints validates against the documented schema, for every kind of input. */
class InspectJsonSchemaTest {
    static final Schema SCHEMA = load();

    static Schema load() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(Path.of("../docs/inspect.schema.json")), InputFormat.JSON);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ms-identitymodel/ReferenceTests.VerifyReference.saml2.xml",
        "ms-identitymodel/ReferenceXml.WresultSaml2Valid.xml",
        "python3-saml/valid_response.xml.base64",
        "ms-identitymodel/References.EncodedJwts.Cyrano.jwt",
        "azure-docs/active-directory-token-and-claims.id_token.alg-none.jwt",
        "INDEX.md"
    })
    void theOutputForEachKindOfInputMatchesTheSchema(String fixture) {
        CliHarness.Run r = CliHarness.run("inspect", "--format", "json", "src/test/resources/fixtures/" + fixture);
        List<com.networknt.schema.Error> errors = SCHEMA.validate(r.out(), InputFormat.JSON);
        assertThat(errors).as(r.out()).isEmpty();
    }

    @Test
    void theSchemaRejectsADocumentOutsideTheVocabulary() {
        String bad = "{\"verdict\":\"MAYBE\",\"mfa\":\"PRESENT\",\"mfaBy\":\"entra\",\"artifacts\":[],"
                + "\"chain\":{\"findings\":[],\"context\":[]},\"run\":{\"tool\":\"mfa-harness\",\"version\":\"x\",\"cloud\":\"public\",\"evaluatedAt\":\"2026-01-01T00:00:00Z\"}}";
        assertThat(SCHEMA.validate(bad, InputFormat.JSON)).isNotEmpty();
    }
}
