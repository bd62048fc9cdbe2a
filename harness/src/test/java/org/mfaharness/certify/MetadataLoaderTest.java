package org.mfaharness.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.certify.run.MetadataLoader;
import org.mfaharness.lab.config.Directory;
import org.mfaharness.lab.idp.IdpMetadata;
import org.mfaharness.lab.sign.SigningKey;

/** Reading what the vendor publishes: metadata endpoints and certificates; one-line errors with their exit codes. */
class MetadataLoaderTest {
    static final SigningKey KEY = SigningKey.generate("idp", Duration.ofDays(1));
    @TempDir
    Path dir;

    static MetadataLoader loader() throws Exception {
        return new MetadataLoader(new InetSocketAddress("127.0.0.1", 9), SSLContext.getDefault());
    }

    static Directory.DomainInfo domain(Directory.Protocol p) {
        return new Directory.DomainInfo("contoso.example", "t", p, new Directory.IdpInfo("i", p, "idp.example", "IdP"), null, null, null,
                p == Directory.Protocol.WSFED ? "http://contoso.example/adfs/services/trust" : "https://contoso.example/saml2/idp", null, null);
    }

    Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void wsFedMetadataNamesThePassiveEndpointCertificateAndEntityId() throws Exception {
        Path f = write("wsfed.xml", IdpMetadata.of(domain(Directory.Protocol.WSFED), "https://idp.example", KEY.certificate()));
        FederationTarget t = loader().federation(f.toString());
        assertThat(t.entityId()).isEqualTo("http://contoso.example/adfs/services/trust");
        assertThat(t.passiveEndpoint()).isEqualTo("https://idp.example/adfs/ls/");
        assertThat(t.ssoRedirectEndpoint()).isNull();
        assertThat(t.certificates()).containsExactly(KEY.certificate());
    }

    @Test
    void samlMetadataNamesTheRedirectSsoEndpoint() throws Exception {
        Path f = write("saml.xml", IdpMetadata.of(domain(Directory.Protocol.SAML2), "https://idp.example", KEY.certificate()));
        FederationTarget t = loader().federation(f.toString());
        assertThat(t.ssoRedirectEndpoint()).isEqualTo("https://idp.example/saml2/sso");
        assertThat(t.passiveEndpoint()).isNull();
    }

    @Test
    void unusableMetadataIsOneLineWithItsExitCode() throws Exception {
        assertThatThrownBy(() -> loader().federation(dir.resolve("missing.xml").toString()))
                .isInstanceOfSatisfying(CertifyException.class, e -> assertThat(e.exitCode()).isEqualTo(66))
                .hasMessageEndingWith("missing.xml: no such file");
        assertThatThrownBy(() -> loader().federation(write("html.xml", "<html><body>hi</body></html>").toString()))
                .isInstanceOfSatisfying(CertifyException.class, e -> assertThat(e.exitCode()).isEqualTo(65))
                .hasMessageContaining("not SAML/federation metadata");
        assertThatThrownBy(() -> loader().federation(write("dtd.xml", "<!DOCTYPE x [<!ENTITY a 'b'>]><x/>").toString()))
                .isInstanceOfSatisfying(CertifyException.class, e -> assertThat(e.exitCode()).isEqualTo(65));
        assertThatThrownBy(() -> loader().federation(write("nocert.xml",
                "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\"><IDPSSODescriptor/></EntityDescriptor>").toString()))
                .isInstanceOfSatisfying(CertifyException.class, e -> assertThat(e.exitCode()).isEqualTo(65))
                .hasMessageContaining("no signing certificate");
        assertThatThrownBy(() -> loader().eam(write("d.json", "[1,2]").toString(), null))
                .isInstanceOfSatisfying(CertifyException.class, e -> assertThat(e.exitCode()).isEqualTo(65))
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> loader().eam(write("d2.json", "{").toString(), null))
                .isInstanceOfSatisfying(CertifyException.class, e -> assertThat(e.exitCode()).isEqualTo(65))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aDiscoveryDocumentWithoutAnHttpsJwksUriIsAModuleFailureNotBadInput() throws Exception {
        EamTarget t = loader().eam(write("d.json", "{\"issuer\":\"https://p\",\"jwks_uri\":\"http://p/keys\"}").toString(), "c");
        assertThat(t.keys()).isEmpty();
        assertThat(t.keysProblem()).isEqualTo("the discovery document has no https jwks_uri");
        assertThat(t.discoveryUrl()).as("read from a file").isNull();
    }
}
