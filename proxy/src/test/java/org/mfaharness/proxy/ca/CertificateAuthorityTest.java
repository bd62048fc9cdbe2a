package org.mfaharness.proxy.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {
    private static final CertificateAuthority CA = CertificateAuthority.generate(CaOptions.forRun());

    @Test
    void leafForHostCarriesDnsSanServerAuthAndShortBackdatedValidity() throws Exception {
        X509Certificate leaf = CA.leafFor("Login.Lab.Test").leaf();
        assertThat(sans(leaf)).containsExactly(List.of(2, "login.lab.test"));
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=login.lab.test,O=mfa-harness");
        Instant nb = leaf.getNotBefore().toInstant();
        Instant na = leaf.getNotAfter().toInstant();
        assertThat(nb).isBefore(Instant.now().minus(Duration.ofMinutes(59)));
        assertThat(Duration.between(nb, na)).isLessThanOrEqualTo(Duration.ofDays(7).plusHours(1).plusMinutes(1));
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withECDSA");
        validate(leaf, CA.certificate());
    }

    @Test
    void leafForIpLiteralCarriesIpAddressSan() throws Exception {
        X509Certificate leaf = CA.leafFor("127.0.0.1").leaf();
        assertThat(sans(leaf)).containsExactly(List.of(7, "127.0.0.1"));
    }

    @Test
    void leavesAreCachedPerHostAndShareOneKeyWhosePinIsTheSpkiHash() throws Exception {
        ServerIdentity a = CA.leafFor("a.lab.test");
        assertThat(CA.leafFor("A.LAB.TEST")).isSameAs(a);
        ServerIdentity b = CA.leafFor("b.lab.test");
        assertThat(b.leaf().getPublicKey()).isEqualTo(a.leaf().getPublicKey());
        String pin = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(a.leaf().getPublicKey().getEncoded()));
        assertThat(CA.leafSpkiPin()).isEqualTo(pin);
    }

    @Test
    void rootIsACaWithKeyCertSign() {
        X509Certificate root = CA.certificate();
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(root.getKeyUsage()[5]).isTrue();
        assertThat(CA.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void serverIdentityForSeveralNamesListsThemAll() throws Exception {
        ServerIdentity id = CA.issueServerIdentity(List.of("login.lab.test", "sts.lab.test", "127.0.0.1"));
        assertThat(sans(id.leaf())).containsExactly(List.of(2, "login.lab.test"), List.of(2, "sts.lab.test"),
                List.of(7, "127.0.0.1"));
        assertThat(id.chain()).hasSize(2);
        assertThat(id.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(id.keyStore().getCertificateChain("server")).hasSize(2);
    }

    @Test
    void nameConstrainedCaIsTrustedByOpensslOnlyInsideItsSubtrees(@TempDir Path tmp) throws Exception {
        // The JDK's PKIX does not apply a trust anchor's name constraints; OpenSSL (like browsers) does.
        CertificateAuthority lab = CertificateAuthority.generate(CaOptions.forRun()
                .withNameConstraints(List.of("lab.test", "localhost"), List.of("127.0.0.0/255.0.0.0")));
        assertThat(lab.certificate().getExtensionValue("2.5.29.30")).isNotNull();
        Path root = lab.exportCertificate(tmp);
        assertThat(opensslVerify(tmp, root, lab.leafFor("login.lab.test").leaf())).isZero();
        assertThat(opensslVerify(tmp, root, lab.leafFor("127.0.0.1").leaf())).isZero();
        assertThat(opensslVerify(tmp, root, lab.leafFor("login.microsoftonline.com").leaf())).isNotZero();
        assertThat(opensslVerify(tmp, CA.exportCertificate(tmp.resolve("plain")),
                CA.leafFor("login.microsoftonline.com").leaf())).isZero();
    }

    private static int opensslVerify(Path dir, Path root, X509Certificate leaf) throws Exception {
        Path leafFile = Files.createTempFile(dir, "leaf", ".pem");
        Files.writeString(leafFile, Pem.certificates(List.of(leaf)));
        Process p = new ProcessBuilder("openssl", "verify", "-purpose", "sslserver", "-CAfile", root.toString(),
                leafFile.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    @Test
    void exportWritesCaPemAtomicallyIntoACreatedDirectory(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("new/ca");
        Path file = CA.exportCertificate(dir);
        assertThat(file).isEqualTo(dir.resolve("ca.pem"));
        assertThat(Pem.readCertificates(file)).containsExactly(CA.certificate());
        CA.exportCertificate(dir);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ca.pem");
        }
    }

    @Test
    void persistentCaKeepsItsKeyInAnOwnerOnlyFileAndIsReloaded(@TempDir Path tmp) throws Exception {
        CertificateAuthority first = CertificateAuthority.loadOrCreate(tmp, CaOptions.persistent());
        Path key = tmp.resolve(CertificateAuthority.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Duration.between(first.certificate().getNotBefore().toInstant(),
                first.certificate().getNotAfter().toInstant())).isEqualTo(Duration.ofDays(30).plusHours(1));
        CertificateAuthority again = CertificateAuthority.loadOrCreate(tmp, CaOptions.persistent());
        assertThat(again.certificate()).isEqualTo(first.certificate());
        validate(again.leafFor("x.lab.test").leaf(), first.certificate());
    }

    @Test
    void unreadablePersistentCaIsReplaced(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("ca.pem"), "garbage");
        Files.writeString(tmp.resolve("ca-key.pem"), "garbage");
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(tmp, CaOptions.persistent());
        assertThat(Pem.readCertificates(tmp.resolve("ca.pem"))).containsExactly(ca.certificate());
    }

    @Test
    void pemWithoutCertificateIsAClearError() {
        assertThatThrownBy(() -> Pem.readCertificates("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no certificate in PEM input");
    }

    private static List<List<?>> sans(X509Certificate c) throws Exception {
        Collection<List<?>> s = c.getSubjectAlternativeNames();
        return List.copyOf(s);
    }

    private static void validate(X509Certificate leaf, X509Certificate root) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        PKIXParameters p = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        p.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(List.of(leaf)), p);
    }
}
