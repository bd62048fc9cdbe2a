package org.mfaharness.lab.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.mfaharness.lab.sign.SigningKey;

/**
 * The lab's own small certificate authority (BouncyCastle, EC P-256, so start-up stays cheap): a CA certificate and
 * one leaf certificate, on one key, whose SANs are every lab host name plus {@code localhost} and {@code 127.0.0.1}.
 * Made once per lab start; never signs a name outside the lab.
 */
public final class BouncyCastleLabCa implements LabTls {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSWORD = "lab".toCharArray();

    private final X509Certificate ca;
    private final SSLContext server;
    private final SSLContext client;
    private final String spkiPin;
    private Path writtenCa;

    private BouncyCastleLabCa(X509Certificate ca, SSLContext server, SSLContext client, String spkiPin) {
        this.ca = ca;
        this.server = server;
        this.client = client;
        this.spkiPin = spkiPin;
    }

    /** A new CA and a leaf for {@code dnsNames} (plus localhost and 127.0.0.1), valid for a day. */
    public static BouncyCastleLabCa create(Collection<String> dnsNames) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair caKeys = g.generateKeyPair();
            KeyPair leafKeys = g.generateKeyPair();
            Instant now = Instant.now();
            Date from = Date.from(now.minus(Duration.ofHours(1)));
            Date to = Date.from(now.plus(Duration.ofDays(1)));
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();

            X500Name caName = new X500Name("CN=mfa-harness lab CA " + now.getEpochSecond() + ", O=mfa-harness lab");
            X509v3CertificateBuilder cb = new JcaX509v3CertificateBuilder(caName, serial(), from, to, caName,
                    caKeys.getPublic());
            cb.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            cb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            cb.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            ContentSigner caSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate());
            X509Certificate caCert = new JcaX509CertificateConverter().getCertificate(cb.build(caSigner));

            LinkedHashSet<String> names = new LinkedHashSet<>();
            names.add("localhost");
            names.addAll(dnsNames);
            List<GeneralName> san = new ArrayList<>();
            for (String n : names) {
                san.add(new GeneralName(GeneralName.dNSName, n));
            }
            san.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            X509v3CertificateBuilder lb = new JcaX509v3CertificateBuilder(caCert, serial(), from, to,
                    new X500Name("CN=localhost, O=mfa-harness lab"), leafKeys.getPublic());
            lb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            lb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            lb.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            lb.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(san.toArray(GeneralName[]::new)));
            lb.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(lb.build(caSigner));

            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("lab", leafKeys.getPrivate(), PASSWORD, new Certificate[] {leaf, caCert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, RANDOM);

            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("lab-ca", caCert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), RANDOM);

            byte[] spki = MessageDigest.getInstance("SHA-256").digest(leafKeys.getPublic().getEncoded());
            return new BouncyCastleLabCa(caCert, server, client, Base64.getEncoder().encodeToString(spki));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot create the lab CA: " + e.getMessage(), e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).abs().add(BigInteger.ONE);
    }

    @Override
    public SSLContext serverContext() {
        return server;
    }

    @Override
    public SSLContext clientContext() {
        return client;
    }

    @Override
    public String caCertificatePem() {
        return SigningKey.pem(ca);
    }

    @Override
    public synchronized Path writeCaCertificate(Path dir) throws IOException {
        if (writtenCa == null || !Files.exists(writtenCa)) {
            Files.createDirectories(dir);
            Path f = dir.resolve("lab-ca.pem");
            Files.writeString(f, caCertificatePem(), StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            writtenCa = f;
        }
        return writtenCa;
    }

    @Override
    public String leafSpkiPin() {
        return spkiPin;
    }
}
