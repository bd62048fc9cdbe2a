package org.mfaharness.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lab is the other side of the harness: it must not decide anything with the project's verdict engine, so no
 * source of {@code org.mfaharness.lab} may import {@code org.mfaharness.verify} or {@code org.mfaharness.artifact}.
 * Every lab package has a {@code package-info.java}.
 */
class LabIsolationTest {
    static final Path LAB_SOURCES = Path.of("src/main/java/org/mfaharness/lab");
    static final Pattern FORBIDDEN = Pattern.compile("^\\s*import\\s+(static\\s+)?org\\.mfaharness\\.(verify|artifact)\\b.*",
            Pattern.MULTILINE);
    static final Pattern FORBIDDEN_QUALIFIED = Pattern.compile("\\borg\\.mfaharness\\.(verify|artifact)\\.");

    static List<Path> javaFiles() throws IOException {
        assertThat(LAB_SOURCES).as("run from the harness module").isDirectory();
        try (Stream<Path> s = Files.walk(LAB_SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void noLabSourceUsesTheVerdictEngine() throws IOException {
        List<Path> files = javaFiles();
        assertThat(files).hasSizeGreaterThan(20);
        for (Path f : files) {
            String src = Files.readString(f);
            assertThat(FORBIDDEN.matcher(src).find()).as(f + " imports the verdict engine").isFalse();
            assertThat(FORBIDDEN_QUALIFIED.matcher(src).find()).as(f + " names the verdict engine").isFalse();
        }
    }

    @Test
    void everyLabPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(LAB_SOURCES)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> s = Files.list(d)) {
                    hasJava = s.anyMatch(p -> p.toString().endsWith(".java"));
                }
                if (hasJava) {
                    assertThat(d.resolve("package-info.java")).as(d.toString()).exists();
                }
            }
        }
    }
}
