package org.mfaharness.verify.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.testing.Judging;
import org.mfaharness.testing.Saml2Builder;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.testing.Tokens;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.ReasonCode;

/**
 * Trust material as users give it: PEM files, SAML/federation metadata (its signing certificates and entityID), JWKS
 * and EAM discovery documents, from files or from URLs fetched with bounds (size, redirects, never https→http).
 */
class TrustLoadingTest {
    static Undertow server;
    static String base;
    @TempDir
    Path dir;

    static String metadata() throws Exception {
        String cert = Base64.getEncoder().encodeToString(TestKeys.IDP.certificate().getEncoded());
        return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""
                + " entityID=\"https://idp.contoso.test/saml\"><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + cert
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://idp.contoso.test/sso\"/>"
                + "</md:IDPSSODescriptor></md:EntityDescriptor>";
    }

    @BeforeAll
    static void serve() throws Exception {
        String md = metadata();
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(ex -> {
            switch (ex.getRequestPath()) {
                case "/metadata" -> ex.getResponseSender().send(md);
                case "/jwks" -> ex.getResponseSender().send(Tokens.entraJwks());
                case "/big" -> ex.getResponseSender().send("x".repeat(BoundedFetcher.MAX_BYTES + 10));
                case "/loop" -> {
                    ex.setStatusCode(StatusCodes.FOUND);
                    ex.getResponseHeaders().put(Headers.LOCATION, "/loop");
                    ex.endExchange();
                }
                case "/offsite" -> {
                    ex.setStatusCode(StatusCodes.FOUND);
                    ex.getResponseHeaders().put(Headers.LOCATION, "http://192.0.2.10/keys");
                    ex.endExchange();
                }
                case "/moved" -> {
                    ex.setStatusCode(StatusCodes.FOUND);
                    ex.getResponseHeaders().put(Headers.LOCATION, "/jwks");
                    ex.endExchange();
                }
                default -> {
                    ex.setStatusCode(404);
                    ex.endExchange();
                }
            }
        }).build();
        server.start();
        base = "http://127.0.0.1:" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    TrustLoader loader() {
        return new TrustLoader(new BoundedFetcher());
    }

    @Test
    void metadataGivesTheSigningCertificatesAndTheIssuerUri() throws Exception {
        Path md = dir.resolve("metadata.xml");
        Files.writeString(md, metadata());
        TrustMaterial tm = loader().load(List.of(), md.toString(), List.of(), List.of(), null);
        assertThat(tm.certificates()).containsExactly(TestKeys.IDP.certificate());
        assertThat(tm.metadataIssuer()).isEqualTo("https://idp.contoso.test/saml");
        JudgeOptions o = Judging.untrusted().withTrust(tm);
        var j = Judging.judgeOne(Saml2Builder.response().classRefs("http://schemas.microsoft.com/claims/multipleauthn").build(), o);
        org.mfaharness.testing.JudgementAssert.assertThat(j).hasFinding(ReasonCode.S2_SIG_VALID).hasFinding(ReasonCode.S2_ISSUER_OK);
    }

    @Test
    void metadataAndJwksAreFetchedFromAUrlTheUserTyped() throws Exception {
        TrustMaterial tm = loader().load(List.of(), base + "/metadata", List.of(base + "/moved"), List.of(), null);
        assertThat(tm.certificates()).hasSize(1);
        assertThat(tm.jwks()).extracting(TrustedKey::kid).containsExactly(TestKeys.ENTRA.keyId());
    }

    @Test
    void fetchesAreBoundedInSizeAndRedirects() {
        assertThatThrownBy(() -> new BoundedFetcher().fetch(base + "/big")).hasMessageContaining("larger than");
        assertThatThrownBy(() -> new BoundedFetcher().fetch(base + "/loop")).hasMessageContaining("redirects");
        assertThatThrownBy(() -> new BoundedFetcher().fetch(base + "/none")).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> new BoundedFetcher().fetch("file:///etc/passwd")).hasMessageContaining("only http and https");
    }

    @Test
    void onlyThisMachineIsFetchedFromUnlessTheUserAllowsOtherHosts() {
        // Refused before any connection or DNS lookup: the host is judged from the URL text.
        assertThatThrownBy(() -> new BoundedFetcher().fetch("https://login.microsoftonline.com/common/discovery/v2.0/keys"))
                .hasMessage("https://login.microsoftonline.com/common/discovery/v2.0/keys: login.microsoftonline.com is "
                        + "not this machine; give --fetch-remote to fetch trust material from another host, or save the "
                        + "document and pass the file");
        assertThatThrownBy(() -> new BoundedFetcher().fetch("http://10.1.2.3/keys")).hasMessageContaining("--fetch-remote");
        assertThatThrownBy(() -> new BoundedFetcher().fetch("http://[::2]/keys")).hasMessageContaining("not this machine");
        assertThatThrownBy(() -> new BoundedFetcher().fetch(base + "/offsite"))
                .hasMessageContaining("192.0.2.10 is not this machine");
        assertThatThrownBy(() -> new BoundedFetcher().fetch("http:///keys")).hasMessageContaining("names no host");
        assertThatThrownBy(() -> new BoundedFetcher().fetch("http://keys.localhost/keys"))
                .as("a .localhost name would be resolved by the system resolver").hasMessageContaining("not this machine");
    }

    @Test
    void unusableMaterialIsAOneLineErrorNamingTheSource() throws Exception {
        Path pem = dir.resolve("junk.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> loader().load(List.of(pem.toString()), null, List.of(), List.of(), null))
                .isInstanceOf(TrustException.class).hasMessageContaining("junk.pem");
        Path jwks = dir.resolve("keys.json");
        Files.writeString(jwks, "{\"keys\":[{\"kty\":\"EC\"}]}");
        assertThatThrownBy(() -> loader().load(List.of(), null, List.of(jwks.toString()), List.of(), null))
                .hasMessageContaining("no RSA signing key");
        Path md = dir.resolve("sp.xml");
        Files.writeString(md, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertThatThrownBy(() -> loader().load(List.of(), md.toString(), List.of(), List.of(), null)).hasMessageContaining("refused");
        assertThatThrownBy(() -> loader().load(List.of(dir.resolve("missing.pem").toString()), null, List.of(), List.of(), null))
                .hasMessageContaining("no such file");
        Path binary = Files.write(dir.resolve("keys.der"), new byte[] {0x30, (byte) 0x82, (byte) 0xff, (byte) 0xfe, 0x00});
        assertThatThrownBy(() -> loader().load(List.of(), null, List.of(binary.toString()), List.of(), null))
                .hasMessage(binary + ": not a text file (PEM, JWKS JSON or metadata XML are text)");
    }

    @Test
    void anEamDiscoveryDocumentIsReadFromAFile() throws Exception {
        Path d = dir.resolve("openid-configuration.json");
        Files.writeString(d, "{\"issuer\":\"https://eam.test\",\"jwks_uri\":\"https://eam.test/keys\"}");
        TrustMaterial tm = loader().load(List.of(), null, List.of(), List.of(), d.toString());
        assertThat(tm.eamDiscovery().string("issuer")).isEqualTo("https://eam.test");
        assertThat(tm.eamDiscovery().url()).isNull();
    }
}
