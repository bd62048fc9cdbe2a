package org.mfaharness.lab.sign;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An RSA signing key with a self-signed certificate, as an IdP's token-signing certificate is.
 * Generating one costs about 100 ms (RSA-2048): make them once per lab start or test class, never per request.
 *
 * @param keyPair     the RSA key pair
 * @param certificate the self-signed certificate over the public key
 * @param keyId       a stable key id (JWK {@code kid}): the base64url SHA-1 thumbprint of the certificate, like Entra's
 */
public record SigningKey(KeyPair keyPair, X509Certificate certificate, String keyId) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new RSA-2048 key with a self-signed certificate for {@code CN=subjectCn}, valid from now for {@code validity}. */
    public static SigningKey generate(String subjectCn, Duration validity) {
        Instant now = Instant.now();
        return generate(subjectCn, now.minus(Duration.ofHours(1)), now.plus(validity));
    }

    /** A new RSA-2048 key with a self-signed certificate valid in [{@code notBefore}, {@code notAfter}]. */
    public static SigningKey generate(String subjectCn, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            KeyPair kp = g.generateKeyPair();
            X500Name name = new X500Name("CN=" + subjectCn);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM).abs(),
                    Date.from(notBefore), Date.from(notAfter), name, kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer));
            byte[] thumb = MessageDigest.getInstance("SHA-1").digest(cert.getEncoded());
            return new SigningKey(kp, cert, Base64.getUrlEncoder().withoutPadding().encodeToString(thumb));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keyPair.getPublic();
    }

    /** The certificate as PEM text ({@code -----BEGIN CERTIFICATE-----}). */
    public String certificatePem() {
        return pem(certificate);
    }

    /** Any certificate as PEM text. */
    public static String pem(X509Certificate certificate) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    @Override
    public String toString() {
        return "SigningKey[" + certificate.getSubjectX500Principal().getName() + ", kid=" + keyId + "]";
    }
}
