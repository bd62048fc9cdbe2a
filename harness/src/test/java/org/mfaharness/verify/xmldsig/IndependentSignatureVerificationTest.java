package org.mfaharness.verify.xmldsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.testing.Saml2Builder;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.testing.WsFedBuilder;

/**
 * The positive cases this project signs itself are checked by an independent verifier, xmlsec1 (libxmlsec1,
 * Debian package xmlsec1, installed by .ci/run): what our engine calls valid, xmlsec1 calls valid, and a tampered
 * copy fails in both.
 */
class IndependentSignatureVerificationTest {
    @TempDir
    static Path dir;
    static Path cert;

    @BeforeAll
    static void writeCertificate() throws IOException {
        assertThat(Path.of("/usr/bin/xmlsec1")).as("xmlsec1 is required (apt-get install xmlsec1; .ci/run installs it)").exists();
        cert = dir.resolve("idp.pem");
        Files.writeString(cert, TestKeys.IDP.certificatePem());
    }

    static int xmlsec1(String xml, String name) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, xml, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/xmlsec1", "--verify", "--pubkey-cert-pem", cert.toString(),
                "--id-attr:AssertionID", "urn:oasis:names:tc:SAML:1.0:assertion:Assertion",
                "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion",
                "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:Response", f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("xmlsec1 finished").isTrue();
        return p.exitValue();
    }

    @Test
    void aWsFedRstrWeSignVerifiesWithXmlsec1() throws Exception {
        assertThat(xmlsec1(WsFedBuilder.rstr().authenticationMethod(WsFedBuilder.MULTIPLEAUTHN).build(), "rstr.xml")).isZero();
    }

    @Test
    void aSha1SignedAssertionVerifiesWithXmlsec1Too() throws Exception {
        assertThat(xmlsec1(WsFedBuilder.rstr().sha1().build(), "rstr-sha1.xml")).isZero();
    }

    @Test
    void aSaml2ResponseWeSignVerifiesWithXmlsec1() throws Exception {
        assertThat(xmlsec1(Saml2Builder.response().classRefs("http://schemas.microsoft.com/claims/multipleauthn").build(), "saml2.xml"))
                .isZero();
    }

    @Test
    void aTamperedAssertionFailsInXmlsec1AsInTheEngine() throws Exception {
        String forged = WsFedBuilder.rstr().build().replace(WsFedBuilder.PASSWORD, WsFedBuilder.MULTIPLEAUTHN);
        assertThat(xmlsec1(forged, "forged.xml")).isNotZero();
    }

    @Test
    void anAssertionSignedByAnotherKeyFailsInXmlsec1() throws Exception {
        assertThat(xmlsec1(WsFedBuilder.rstr().signedWith(TestKeys.OTHER).build(), "other-key.xml")).isNotZero();
    }
}
