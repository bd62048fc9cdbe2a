package org.mfaharness.certify.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.certify.module.Signins.assertFails;
import static org.mfaharness.certify.module.Signins.assertNotRun;
import static org.mfaharness.certify.module.Signins.assertPasses;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.EamTarget;
import org.mfaharness.certify.FederationTarget;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.ModuleVerdict;
import org.mfaharness.lab.sign.SigningKey;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.testing.Tokens;
import org.mfaharness.verify.trust.Jwks;
import org.mfaharness.verify.trust.TrustMaterial;
import org.mfaharness.verify.trust.TrustedKey;

/**
 * The static modules on the target's metadata: a signing certificate valid now (CERT_META_CERT_EXPIRED /
 * _NOT_YET_VALID), a strong signing key (CERT_META_KEY_WEAK for RSA-1024 or a SHA-1-signed certificate), an https
 * sign-in endpoint (CERT_META_NO_ENDPOINT / _ENDPOINT_NOT_HTTPS), and a usable EAM JWKS (CERT_EAM_JWKS_UNREADABLE).
 */
class MetadataModulesTest {
    static final SigningKey NOT_YET_VALID = SigningKey.generate("next-signing.fabrikam.test",
            Instant.now().plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(400)));

    /** A self-signed certificate over an RSA key of {@code bits}, signed with {@code sigAlg}. */
    static X509Certificate certificate(int bits, String sigAlg) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=legacy-signing.fabrikam.test");
        Instant now = Instant.now();
        var b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), name, kp.getPublic());
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(sigAlg).build(kp.getPrivate())));
    }

    static CertificationEvidence metadata(FederationTarget t) {
        return new CertificationEvidence("wsfed", Signins.CLOUD, Signins.federatedOptions(), t, null, List.of(), "no --scenario was given");
    }

    static CertificationEvidence signedWith(X509Certificate... certs) {
        return metadata(Signins.metadata(List.of(certs), Signins.PASSIVE, Signins.SSO));
    }

    // ------------------------------------------------------------ MetadataHasValidSigningCertificate

    @Test
    void aCertificateValidNowPasses() {
        assertPasses(new MetadataHasValidSigningCertificate().evaluate(signedWith(TestKeys.IDP.certificate())), CertifyCode.CERT_META_CERT_VALID);
    }

    @Test
    void onlyAnExpiredCertificateFails() {
        LegFinding f = assertFails(new MetadataHasValidSigningCertificate().evaluate(signedWith(TestKeys.EXPIRED.certificate())),
                CertifyCode.CERT_META_CERT_EXPIRED);
        assertThat(f.leg()).isEqualTo("metadata");
        assertThat(f.finding().message()).contains("expired on");
    }

    @Test
    void onlyANotYetValidCertificateFails() {
        assertFails(new MetadataHasValidSigningCertificate().evaluate(signedWith(NOT_YET_VALID.certificate())),
                CertifyCode.CERT_META_CERT_NOT_YET_VALID);
    }

    @Test
    void anExpiredCertificateBesideAValidOneDuringARolloverPassesAndListsTheExpiredOne() {
        ModuleVerdict v = new MetadataHasValidSigningCertificate().evaluate(signedWith(TestKeys.EXPIRED.certificate(), TestKeys.IDP.certificate()));
        assertThat(v.outcome()).isEqualTo(org.mfaharness.certify.Outcome.PASS);
        assertThat(v.evidence()).extracting(e -> e.finding().code())
                .containsExactly(CertifyCode.CERT_META_CERT_EXPIRED.name(), CertifyCode.CERT_META_CERT_VALID.name());
    }

    // ------------------------------------------------------------ MetadataSigningKeyIsStrong

    @Test
    void anRsa2048KeyInASha256CertificatePasses() {
        assertPasses(new MetadataSigningKeyIsStrong().evaluate(signedWith(TestKeys.IDP.certificate())), CertifyCode.CERT_META_KEY_OK);
    }

    @Test
    void anRsa1024KeyIsWeak() throws Exception {
        LegFinding f = assertFails(new MetadataSigningKeyIsStrong().evaluate(signedWith(TestKeys.IDP.certificate(),
                certificate(1024, "SHA256withRSA"))), CertifyCode.CERT_META_KEY_WEAK);
        assertThat(f.finding().message()).contains("RSA-1024");
    }

    @Test
    void aSha1SignedCertificateIsWeakWhateverTheKeySize() throws Exception {
        LegFinding f = assertFails(new MetadataSigningKeyIsStrong().evaluate(signedWith(certificate(2048, "SHA1withRSA"))),
                CertifyCode.CERT_META_KEY_WEAK);
        assertThat(f.finding().message()).contains("RSA-2048").contains("signed with SHA1");
    }

    // ------------------------------------------------------------ MetadataNamesPassiveEndpoint / MetadataNamesSsoEndpoint

    @Test
    void httpsEndpointsPass() {
        CertificationEvidence e = signedWith(TestKeys.IDP.certificate());
        assertPasses(new MetadataNamesPassiveEndpoint().evaluate(e), CertifyCode.CERT_META_ENDPOINT);
        assertPasses(new MetadataNamesSsoEndpoint().evaluate(e), CertifyCode.CERT_META_ENDPOINT);
    }

    @Test
    void metadataWithoutTheSignInEndpointFails() {
        CertificationEvidence e = metadata(Signins.metadata(List.of(TestKeys.IDP.certificate()), null, null));
        assertThat(assertFails(new MetadataNamesPassiveEndpoint().evaluate(e), CertifyCode.CERT_META_NO_ENDPOINT).finding().message())
                .contains("PassiveRequestorEndpoint");
        assertThat(assertFails(new MetadataNamesSsoEndpoint().evaluate(e), CertifyCode.CERT_META_NO_ENDPOINT).finding().message())
                .contains("SingleSignOnService");
    }

    @Test
    void plainHttpEndpointsFail() {
        CertificationEvidence e = metadata(Signins.metadata(List.of(TestKeys.IDP.certificate()), "http://adfs.fabrikam.test/adfs/ls/",
                "http://idp.contoso.test/saml/sso"));
        assertThat(assertFails(new MetadataNamesPassiveEndpoint().evaluate(e), CertifyCode.CERT_META_ENDPOINT_NOT_HTTPS).finding()
                .evidence().value()).isEqualTo("http://adfs.fabrikam.test/adfs/ls/");
        assertFails(new MetadataNamesSsoEndpoint().evaluate(e), CertifyCode.CERT_META_ENDPOINT_NOT_HTTPS);
        CertificationEvidence relative = metadata(Signins.metadata(List.of(TestKeys.IDP.certificate()), "/adfs/ls/", "https:///sso"));
        assertFails(new MetadataNamesPassiveEndpoint().evaluate(relative), CertifyCode.CERT_META_ENDPOINT_NOT_HTTPS);
        assertFails(new MetadataNamesSsoEndpoint().evaluate(relative), CertifyCode.CERT_META_ENDPOINT_NOT_HTTPS);
    }

    @Test
    void theMetadataModulesCannotRunWithoutFederationMetadata() {
        CertificationEvidence e = metadata(null);
        assertNotRun(new MetadataHasValidSigningCertificate().evaluate(e));
        assertNotRun(new MetadataSigningKeyIsStrong().evaluate(e));
        assertNotRun(new MetadataNamesPassiveEndpoint().evaluate(e));
    }

    // ------------------------------------------------------------ JwksKeysHaveX5c

    static CertificationEvidence eam(List<TrustedKey> keys, String problem) throws Exception {
        EamTarget t = new EamTarget("https://eam.contoso-mfa.test/.well-known/openid-configuration",
                new ObjectMapper().readTree("{\"issuer\":\"https://eam.contoso-mfa.test\",\"jwks_uri\":\"https://eam.contoso-mfa.test/jwks\"}"),
                keys, problem, "client");
        return new CertificationEvidence("eam", Signins.CLOUD, Signins.options(new TrustMaterial(List.of(), null, List.of(), keys, null)),
                null, t, List.of(), "no --scenario was given");
    }

    @Test
    void anUnreadableJwksFails() throws Exception {
        LegFinding f = assertFails(new JwksKeysHaveX5c().evaluate(eam(List.of(), "HTTP 404 from https://eam.contoso-mfa.test/jwks")),
                CertifyCode.CERT_EAM_JWKS_UNREADABLE);
        assertThat(f.finding().message()).contains("HTTP 404");
        assertThat(f.finding().evidence().value()).isEqualTo("https://eam.contoso-mfa.test/jwks");
    }

    @Test
    void aJwksWhoseKeysCarryX5cPasses() throws Exception {
        assertPasses(new JwksKeysHaveX5c().evaluate(eam(Jwks.parse(Tokens.EAM.jwksJson(), "provider"), null)), CertifyCode.CERT_EAM_JWKS_OK);
    }
}
