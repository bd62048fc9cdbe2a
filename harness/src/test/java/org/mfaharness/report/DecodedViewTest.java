package org.mfaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.Origin;
import org.mfaharness.cloud.CloudProfile;

/** The decoded view of an assertion keeps the namespace declarations that are evidence and drops the repeats. */
class DecodedViewTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Test
    void aSignatureDeclaredInAnotherNamespaceShowsThatNamespace() throws Exception {
        String xml = Files.readString(FIXTURES.resolve("entra-docs/how-to-connect-fed-saml-idp.sample-response.xml"));
        List<Artifact> found = new ArtifactDetector(CloudProfile.PUBLIC, null).detect(xml, Origin.input(null));

        List<String> lines = DecodedView.lines(found.get(0), Instant.parse("2014-01-31T15:40:00Z"));

        assertThat(lines).anyMatch(l -> l.strip().startsWith("<ds:Signature xmlns:ds=\"https://www.w3.org/2000/09/xmldsig#\""));
        assertThat(lines.get(0)).contains("xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"");
        long declaredTwice = lines.stream().skip(1).filter(l -> l.contains("xmlns:samlp=")).count();
        assertThat(declaredTwice).as("a binding the root made is not repeated below it").isZero();
    }
}
