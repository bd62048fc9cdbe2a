package org.mfaharness.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of signed thing the lab emits verifies with a tool that is not the lab's: {@code xmlsec1 --verify} for
 * the WS-Fed RSTR (SAML 1.1, RSA-SHA256 and RSA-SHA1) and the SAML 2.0 assertion, {@code openssl dgst -sha256
 * -verify} for Entra's access and id tokens, the EAM id_token_hint and the EAM provider's id_token. Negative controls
 * (the wrong-key IdP, a tampered token) prove the tools really check. A missing tool fails the test with the package
 * to install; nothing is skipped.
 */
class IndependentSignatureVerificationTest {
    static Lab lab;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        lab = Lab.builder().start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    record Run(int exit, String output) {
    }

    static Run run(String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(cmd[0] + " is not installed: apt-get install "
                    + (cmd[0].equals("xmlsec1") ? "xmlsec1" : "openssl") + " (CI's .ci/run installs it)", e);
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd[0] + " timed out");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The signing certificate the metadata at {@code url} publishes, as PEM; the document must be the lab's own. */
    static String publishedCertificatePem(String url, String domain) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(lab.sslContext()).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/samlmetadata+xml"));
        assertThat(r.body()).isEqualTo(lab.federationMetadata(domain));
        Matcher m = Pattern.compile("<X509Certificate>([^<]+)</X509Certificate>").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return "-----BEGIN CERTIFICATE-----\n" + m.group(1) + "\n-----END CERTIFICATE-----\n";
    }

    static Run xmlsec1(Path xml, String certPem) throws Exception {
        Path cert = Files.writeString(Files.createTempFile(tmp, "cert", ".pem"), certPem);
        return run("xmlsec1", "--verify", "--pubkey-cert-pem", cert.toString(),
                "--enabled-reference-uris", "same-doc",
                "--id-attr:AssertionID", "urn:oasis:names:tc:SAML:1.0:assertion:Assertion",
                "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion", xml.toString());
    }

    /** The form field of the first POST to login.srf during the user's sign-in. */
    static String postedToLoginSrf(String upn, String field) {
        LabSignIn.Outcome o = LabSignIn.interactive(lab, lab.user(upn).orElseThrow(), LabSignIn.PC_SCOPE);
        return o.hops().stream().filter(h -> h.path().equals("/login.srf")).map(h -> h.form().get(field))
                .findFirst().orElseThrow();
    }

    @Test
    void wsFedRstrWithSaml11AssertionVerifiesWithXmlsec1ForSha256AndSha1() throws Exception {
        for (String upn : List.of("user@wsfed-claim-enforce.lab.test", "user@wsfed-sha1.lab.test",
                "user@wsfed-wstrust13.lab.test")) {
            String wresult = postedToLoginSrf(upn, "wresult");
            assertThat(wresult).contains("AssertionID=").contains("http://schemas.microsoft.com/claims/multipleauthn");
            Path f = Files.writeString(tmp.resolve(upn + ".xml"), wresult);
            Run r = xmlsec1(f, lab.idpCertificatePem("adfs"));
            assertThat(r.exit()).as(upn + ": " + r.output()).isZero();
            assertThat(r.output()).contains("OK");
        }
    }

    @Test
    void theWrongKeyKnobIsCaughtByXmlsec1Too() throws Exception {
        String wresult = postedToLoginSrf("user@wsfed-wrong-key.lab.test", "wresult");
        Path f = Files.writeString(tmp.resolve("wrong-key.xml"), wresult);
        Run r = xmlsec1(f, lab.idpCertificatePem("adfs"));
        assertThat(r.exit()).as(r.output()).isNotZero();
    }

    @Test
    void theCertificateEachIdpPublishesInItsMetadataVerifiesItsAssertions() throws Exception {
        String wsfedDomain = "wsfed-claim-enforce.lab.test";
        String wresult = postedToLoginSrf("user@" + wsfedDomain, "wresult");
        Run ws = xmlsec1(Files.writeString(tmp.resolve("published-wsfed.xml"), wresult),
                publishedCertificatePem(lab.federationMetadataUrl(wsfedDomain), wsfedDomain));
        assertThat(ws.exit()).as(ws.output()).isZero();

        String samlDomain = "saml-classref-enforce.lab.test";
        String xml = new String(Base64.getDecoder().decode(postedToLoginSrf("user@" + samlDomain, "SAMLResponse")),
                StandardCharsets.UTF_8);
        Run saml = xmlsec1(Files.writeString(tmp.resolve("published-saml2.xml"), xml),
                publishedCertificatePem(lab.federationMetadataUrl(samlDomain), samlDomain));
        assertThat(saml.exit()).as(saml.output()).isZero();

        HttpClient http = HttpClient.newBuilder().sslContext(lab.sslContext()).build();
        String elsewhere = lab.federationMetadataUrl(wsfedDomain).replace("?domain=" + wsfedDomain, "?domain=" + samlDomain);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(elsewhere)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("the domain " + samlDomain + " is not federated here");
    }

    @Test
    void saml2AssertionVerifiesWithXmlsec1() throws Exception {
        String b64 = postedToLoginSrf("user@saml-classref-enforce.lab.test", "SAMLResponse");
        String xml = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        assertThat(xml).contains("<AuthnContextClassRef>http://schemas.microsoft.com/claims/multipleauthn</AuthnContextClassRef>");
        Path f = Files.writeString(tmp.resolve("saml2.xml"), xml);
        Run r = xmlsec1(f, lab.idpCertificatePem("saml"));
        assertThat(r.exit()).as(r.output()).isZero();
    }

    static void assertOpensslVerifies(String jwt, String certPem, boolean expectValid) throws Exception {
        String[] p = jwt.split("\\.");
        Path data = Files.writeString(Files.createTempFile(tmp, "jwt", ".data"), p[0] + "." + p[1], StandardCharsets.US_ASCII);
        Path sig = Files.write(Files.createTempFile(tmp, "jwt", ".sig"), Base64.getUrlDecoder().decode(p[2]));
        Path cert = Files.writeString(Files.createTempFile(tmp, "cert", ".pem"), certPem);
        Path pub = Files.createTempFile(tmp, "pub", ".pem");
        Run x = run("openssl", "x509", "-in", cert.toString(), "-pubkey", "-noout", "-out", pub.toString());
        assertThat(x.exit()).as(x.output()).isZero();
        Run r = run("openssl", "dgst", "-sha256", "-verify", pub.toString(), "-signature", sig.toString(), data.toString());
        if (expectValid) {
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(r.output()).contains("Verified OK");
        } else {
            assertThat(r.exit()).as(r.output()).isNotZero();
        }
    }

    @Test
    void entraAccessAndIdTokensVerifyWithOpenssl() throws Exception {
        LabSignIn.Outcome o = LabSignIn.interactive(lab, lab.user("otp@managed.lab.test").orElseThrow(), LabSignIn.PC_SCOPE);
        var body = Jwt.json(LabSignIn.redeem(lab, o, LabSignIn.PC_SCOPE).body());
        String at = body.path("access_token").asText();
        assertThat(Jwt.header(at).path("alg").asText()).isEqualTo("RS256");
        assertThat(Jwt.header(at).path("x5t").asText()).isEqualTo(Jwt.header(at).path("kid").asText());
        assertOpensslVerifies(at, lab.entraSigningCertificatePem(), true);
        assertOpensslVerifies(body.path("id_token").asText(), lab.entraSigningCertificatePem(), true);
        String[] p = at.split("\\.");
        String tampered = p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                Jwt.claims(at).toString().replace("\"pwd\"", "\"mfa\"").getBytes(StandardCharsets.UTF_8)) + "." + p[2];
        assertOpensslVerifies(tampered, lab.entraSigningCertificatePem(), false);
        assertThat(lab.entraJwks()).contains(Jwt.header(at).path("kid").asText()).contains("x5c");
    }

    @Test
    void eamIdTokenHintAndProviderIdTokenVerifyWithOpenssl() throws Exception {
        LabSignIn.Outcome o = LabSignIn.interactive(lab, lab.user("conformant@eam-users.lab.test").orElseThrow(),
                LabSignIn.PC_SCOPE);
        String hint = null;
        String idToken = null;
        List<String> seen = new ArrayList<>();
        for (FormAgent.Hop h : o.hops()) {
            seen.add(h.path());
            if (h.form().containsKey("id_token_hint")) {
                hint = h.form().get("id_token_hint");
            }
            if (h.path().equals("/common/federation/externalauthprovider")) {
                idToken = h.form().get("id_token");
            }
        }
        assertThat(hint).as(seen.toString()).isNotNull();
        assertThat(idToken).isNotNull();
        var hc = Jwt.claims(hint);
        assertThat(hc.path("exp").asLong()).as("the hint is already expired").isLessThan(hc.path("iat").asLong());
        assertThat(hc.path("iss").asText()).isEqualTo(lab.cloud().v2Issuer(hc.path("tid").asText()));
        assertOpensslVerifies(hint, lab.entraSigningCertificatePem(), true);
        var ic = Jwt.claims(idToken);
        assertThat(ic.path("sub").asText()).isEqualTo(hc.path("sub").asText());
        assertThat(ic.path("amr")).hasSize(1);
        assertOpensslVerifies(idToken, lab.eamSigningCertificatePem(), true);
    }
}
