package org.mfaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.verify.ReasonCode;

/** docs/reason-codes.md lists every code, and nothing in main code emits a code the catalogue lacks. */
class ReasonCodeCatalogueTest {
    static final Path DOC = Path.of("../docs/reason-codes.md");

    @Test
    void theDocumentIsTheRenderingOfTheCatalogue() throws IOException {
        String expected = ReasonCodeMarkdown.render();
        if (Boolean.getBoolean("mfa.regenerate")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/reason-codes.md is stale: rerun with -Dmfa.regenerate=true").isEqualTo(expected);
    }

    @Test
    void everyCodeUsedInMainCodeIsInTheCatalogue() throws IOException {
        Set<String> known = Arrays.stream(ReasonCode.values()).map(Enum::name).collect(Collectors.toSet());
        Pattern use = Pattern.compile("ReasonCode\\.([A-Z0-9_]+)");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    assertThat(known).as(f + " uses " + m.group(1)).contains(m.group(1));
                }
            }
        }
    }

    @Test
    void everyCodeHasAMeaningAndASourceAndFailuresSayWhatToChange() {
        for (ReasonCode c : ReasonCode.values()) {
            assertThat(c.meaning()).as(c.name()).isNotBlank().endsWith(".");
            assertThat(c.source()).as(c.name()).isNotBlank();
            if (c.severity() == org.mfaharness.verify.Severity.FAIL || c.severity() == org.mfaharness.verify.Severity.WARN) {
                assertThat(c.remediation()).as(c.name() + " remediation").isNotBlank();
            }
        }
        for (CertifyCode c : CertifyCode.values()) {
            assertThat(c.meaning()).as(c.name()).isNotBlank().endsWith(".");
            assertThat(c.remediation().isBlank()).as(c.name() + ": a failing code says what to change, a passing one nothing")
                    .isEqualTo(c.passes());
        }
    }
}
