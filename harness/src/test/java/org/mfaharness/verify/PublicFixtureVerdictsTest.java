package org.mfaharness.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.testing.Judging;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.TrustLoader;
import org.mfaharness.verify.trust.TrustMaterial;

/**
 * Every public artifact in the shared fixtures (tokens and assertions captured or published by Microsoft and by
 * widely used SAML / WS-Fed libraries) gets the verdict and MFA reading in {@code expected.tsv}, judged at its own
 * time with the trust material listed there. The fixtures are copied into test resources (with their licences in
 * INDEX.md) so the build does not depend on a sibling folder.
 */
class PublicFixtureVerdictsTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    record Row(String file, String trust, Instant at, Verdict verdict, MfaReading mfa, String why) {
        @Override
        public String toString() {
            return file + " → " + verdict + "/" + mfa + " (" + why + ")";
        }
    }

    static Stream<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(FIXTURES.resolve("expected.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t");
            rows.add(new Row(c[0], c[1], Instant.parse(c[2]), Verdict.valueOf(c[3]), MfaReading.valueOf(c[4]), c[5]));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachPublicArtifactGetsItsExpectedVerdictAndMfaReading(Row row) throws Exception {
        TrustLoader loader = new TrustLoader(null);
        List<String> certs = row.trust().endsWith(".pem") ? List.of(FIXTURES.resolve(row.trust()).toString()) : List.of();
        List<String> jwks = row.trust().endsWith(".json") ? List.of(FIXTURES.resolve(row.trust()).toString()) : List.of();
        TrustMaterial tm = loader.load(certs, null, jwks, List.of(), null);
        JudgeOptions o = new JudgeOptions(row.at(), Duration.ofMinutes(5), null, CloudProfile.PUBLIC, tm, null, null);
        String text = Files.readString(FIXTURES.resolve(row.file()), StandardCharsets.UTF_8);

        ChainJudgement j = Judging.judge(text, o);

        assertThat(j.verdict()).as(row.why()).isEqualTo(row.verdict());
        assertThat(j.mfa()).as(row.why()).isEqualTo(row.mfa());
        assertThat(j.hops()).as("one judged artifact").hasSize(1);
    }

    @Test
    void theTrustedSignaturesOfTheFixturesVerifyAndTheBrokenOnesFail() throws Exception {
        assertThat(codesOf("ms-identitymodel/ReferenceTests.VerifyReference.saml2.xml",
                "ms-identitymodel/adfs-signing-sts.sub2.fracas365.msftonlinerepro.com.pem", "2017-05-08T15:00:00Z"))
                .contains("WSF_SIG_VALID", "WSF_AUDIENCE_MISMATCH", "WSF_NO_MFA_CLAIM");
        assertThat(codesOf("ms-identitymodel/ReferenceTests.VerifyReference.saml1.xml",
                "ms-identitymodel/adfs-signing-sts.sub2.fracas365.msftonlinerepro.com.pem", "2017-05-08T15:00:00Z"))
                .contains("WSF_SIG_INVALID");
        assertThat(codesOf("ms-identitymodel/ReferenceXml.WresultSaml2Valid.xml",
                "ms-identitymodel/aad-accounts.accesscontrol.windows.net-2017.pem", "2017-04-23T16:30:00Z"))
                .contains("WSF_SIG_VALID", "S2_NO_MFA_CLAIM");
        assertThat(codesOf("ms-identitymodel/References.EncodedJwts.Cyrano.jwt", "ms-identitymodel/JsonWebKeySet.json",
                "2014-12-22T17:30:00Z")).contains("TOKEN_SIG_VALID", "ENTRA_AMR_NO_MFA");
        assertThat(codesOf("passport-wsfed-saml2/wsfed-result-wstrust13.xml",
                "passport-wsfed-saml2/wsfed-result-wstrust13.embedded-cert.pem", "2015-07-23T16:00:00Z"))
                .contains("WSF_SIG_VALID", "WSF_NO_MFA_CLAIM");
        assertThat(codesOf("python3-saml/signed_message_response.xml.base64", "python3-saml/settings1.idp.x509cert.pem",
                "2014-03-21T14:00:00Z")).contains("S2_SIG_VALID", "SIG_SHA1", "S2_ASSERTION_UNSIGNED");
        assertThat(codesOf("python3-saml/valid_response.xml.base64", "python3-saml/settings1.idp.x509cert.pem",
                "2014-02-19T02:00:00Z")).contains("S2_SIG_VALID", "S2_NO_MFA_CLAIM").doesNotContain("S2_SIG_INVALID");
        assertThat(codesOf("node-saml/response.root-signed.assertion-signed.xml", "node-saml/cert.pem",
                "2020-09-25T16:30:00Z")).contains("S2_SIG_VALID", "S2_NO_MFA_CLAIM").doesNotContain("S2_SIG_INVALID");
        assertThat(codesOf("azure-docs/id-tokens.v1.sample.jwt",
                "spiffe-spire/keyset_test.aad-jwks.7_Zuf1tvkwLxYaHS3q6lUjUYIGw.json", "2018-09-07T00:00:00Z"))
                .contains("TOKEN_SIG_INVALID", "ENTRA_AMR_NO_MFA");
        assertThat(codesOf("azure-docs/active-directory-token-and-claims.id_token.alg-none.jwt", "-",
                "2013-12-30T22:30:00Z")).contains("JOSE_ALG_NONE", "ENTRA_NO_AMR");
    }

    @Test
    void microsoftsSampleResponseIsUnsignedBecauseItsSignatureIsInAnHttpsTypoOfTheXmlDsigNamespace() throws Exception {
        JudgeOptions o = new JudgeOptions(Instant.parse("2014-01-31T15:40:00Z"), Duration.ofMinutes(5), null,
                CloudProfile.PUBLIC, TrustMaterial.none(), null, null);
        ChainJudgement j = Judging.judge(Files.readString(FIXTURES.resolve(
                "entra-docs/how-to-connect-fed-saml-idp.sample-response.xml")), o);

        Finding unsigned = j.hops().get(0).findings().stream().filter(f -> f.code().equals("S2_ASSERTION_UNSIGNED"))
                .findFirst().orElseThrow();
        assertThat(unsigned.message()).endsWith("carries no signature: its Signature element is in namespace "
                + "https://www.w3.org/2000/09/xmldsig#, not XML-DSig's http://www.w3.org/2000/09/xmldsig#, so no verifier "
                + "sees it.");
    }

    @Test
    void theCopiedFixturesMatchTheSharedOnesWhenTheSharedFolderIsPresent() throws IOException {
        Path shared = Path.of("../../shared/fixtures");
        if (!Files.isDirectory(shared)) {
            return; // A clone outside the workspace has only the copy; nothing to compare.
        }
        try (Stream<Path> files = Files.walk(shared)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = FIXTURES.resolve(shared.relativize(f).toString());
                assertThat(copy).as("copy of " + f).exists();
                assertThat(Files.readAllBytes(copy)).as("copy of " + f).isEqualTo(Files.readAllBytes(f));
            }
        }
    }

    private static List<String> codesOf(String file, String trust, String at) throws Exception {
        TrustLoader loader = new TrustLoader(null);
        List<String> certs = trust.endsWith(".pem") ? List.of(FIXTURES.resolve(trust).toString()) : List.of();
        List<String> jwks = trust.endsWith(".json") ? List.of(FIXTURES.resolve(trust).toString()) : List.of();
        JudgeOptions o = new JudgeOptions(Instant.parse(at), Duration.ofMinutes(5), null, CloudProfile.PUBLIC,
                loader.load(certs, null, jwks, List.of(), null), null, null);
        ChainJudgement j = Judging.judge(Files.readString(FIXTURES.resolve(file)), o);
        return j.hops().stream().flatMap(h -> h.findings().stream()).map(Finding::code).toList();
    }
}
