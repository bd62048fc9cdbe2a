package org.mfaharness.proxy.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.mfaharness.proxy.files.PrivateFiles;
import org.mfaharness.proxy.upstream.HostNames;

/**
 * A root certificate authority that mints TLS server certificates.
 *
 * <p>All leaf certificates share one EC P-256 key generated with the CA (key generation is the costly part; signing a
 * leaf takes about a millisecond), so one SPKI pin ({@link #leafSpkiPin()}) covers every host. Leaves are cached per
 * host and carry: subject O=mfa-harness and CN = the first DNS name (none for an IP literal), subjectAltName dNSName or iPAddress, extendedKeyUsage serverAuth, keyUsage
 * digitalSignature, basicConstraints CA:false, authority/subject key identifiers, and a validity of
 * {@link #LEAF_VALIDITY} starting {@link #BACKDATE} in the past (clock skew).
 *
 * <p>The CA private key stays in this object unless {@link #loadOrCreate(Path, CaOptions)} is used, which writes it
 * to {@value #KEY_FILE} with mode 0600. Thread-safe.
 */
public final class CertificateAuthority {
    /** File name of the exported root certificate. */
    public static final String CERT_FILE = "ca.pem";
    /** File name of the persistent CA private key (mode 0600). */
    public static final String KEY_FILE = "ca-key.pem";
    /** Validity of minted leaf certificates. */
    public static final Duration LEAF_VALIDITY = Duration.ofDays(7);
    /** How far certificates are backdated. */
    public static final Duration BACKDATE = Duration.ofHours(1);
    /** A persistent CA closer than this to its expiry is replaced by a new one. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(1);
    /** Leaves kept in the per-host cache before it is emptied. */
    public static final int MAX_CACHED_LEAVES = 10_000;

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair caKeys;
    private final X509Certificate caCert;
    private final KeyPair leafKeys;
    private final Clock clock;
    private final Map<String, ServerIdentity> leaves = new ConcurrentHashMap<>();

    private CertificateAuthority(KeyPair caKeys, X509Certificate caCert, Clock clock) {
        this.caKeys = caKeys;
        this.caCert = caCert;
        this.clock = clock;
        this.leafKeys = newEcKeyPair();
    }

    /** A new CA held in memory only. */
    public static CertificateAuthority generate(CaOptions options) {
        return generate(options, Clock.systemUTC());
    }

    static CertificateAuthority generate(CaOptions options, Clock clock) {
        KeyPair keys = newEcKeyPair();
        return new CertificateAuthority(keys, selfSigned(keys, options, clock.instant()), clock);
    }

    /**
     * Loads the persistent CA from {@code dir} ({@value #CERT_FILE} + {@value #KEY_FILE}), or creates one there when
     * missing, unreadable or within {@link #RENEW_BEFORE} of expiry. The key file is created with mode 0600.
     */
    public static CertificateAuthority loadOrCreate(Path dir, CaOptions options) throws IOException {
        Files.createDirectories(dir);
        Path certFile = dir.resolve(CERT_FILE);
        Path keyFile = dir.resolve(KEY_FILE);
        Clock clock = Clock.systemUTC();
        if (Files.isRegularFile(certFile) && Files.isRegularFile(keyFile)) {
            try {
                X509Certificate cert = Pem.readCertificates(certFile).get(0);
                PrivateKey key = Pem.readPrivateKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
                Instant renewAt = cert.getNotAfter().toInstant().minus(RENEW_BEFORE);
                if (clock.instant().isBefore(renewAt) && cert.getBasicConstraints() >= 0) {
                    return new CertificateAuthority(new KeyPair(cert.getPublicKey(), key), cert, clock);
                }
            } catch (IllegalArgumentException e) {
                // unreadable: replaced below
            }
        }
        CertificateAuthority ca = generate(options, clock);
        PrivateFiles.writeAtomically(keyFile, new ServerIdentity(ca.caKeys.getPrivate(), List.of(ca.caCert))
                .privateKeyPem().getBytes(StandardCharsets.US_ASCII), true);
        ca.exportCertificate(dir);
        return ca;
    }

    /** The root certificate. */
    public X509Certificate certificate() {
        return caCert;
    }

    /** The root certificate as PEM. */
    public String certificatePem() {
        return Pem.certificates(List.of(caCert));
    }

    /**
     * Writes the root certificate to {@code dir/ca.pem} (directory created when missing; temporary file + atomic move).
     *
     * @return the written file
     */
    public Path exportCertificate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(CERT_FILE);
        PrivateFiles.writeAtomically(target, certificatePem().getBytes(StandardCharsets.US_ASCII), false);
        return target;
    }

    /** The leaf certificate chain for one host name or IP literal, minted on first use and cached. */
    public ServerIdentity leafFor(String host) {
        String h = normalise(host);
        ServerIdentity cached = leaves.get(h);
        if (cached != null) {
            return cached;
        }
        if (leaves.size() >= MAX_CACHED_LEAVES) {
            leaves.clear(); // a client naming endless hosts must not grow memory without bound
        }
        return leaves.computeIfAbsent(h, n -> issue(List.of(n)));
    }

    /**
     * A server identity for a set of names (DNS names or IP literals) on the shared leaf key, for the lab's own TLS
     * servers. Not cached.
     */
    public ServerIdentity issueServerIdentity(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least one name is needed");
        }
        List<String> norm = new ArrayList<>();
        for (String n : names) {
            norm.add(normalise(n));
        }
        return issue(norm);
    }

    /** A server {@code SSLContext} for the given names, issued by this CA. */
    public SSLContext serverSslContext(String... names) {
        return issueServerIdentity(List.of(names)).serverSslContext();
    }

    /** A key store that trusts this CA only. */
    public java.security.KeyStore trustStore() {
        return Pem.trustStore(List.of(caCert));
    }

    /** A client {@code SSLContext} that trusts this CA only (PKIX, name constraints enforced). */
    public SSLContext clientSslContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build client SSL context", e);
        }
    }

    /** Base64 of the SHA-256 of the shared leaf key's SubjectPublicKeyInfo (Chromium's SPKI pin format). */
    public String leafSpkiPin() {
        return spkiPin(leafKeys.getPublic());
    }

    /** Base64 SHA-256 of a public key's SubjectPublicKeyInfo. */
    public static String spkiPin(PublicKey key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ServerIdentity issue(List<String> names) {
        Instant now = clock.instant();
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = now.plus(LEAF_VALIDITY);
        if (notAfter.isAfter(caCert.getNotAfter().toInstant())) {
            notAfter = caCert.getNotAfter().toInstant();
        }
        try {
            // An IP literal in CN would be read as a DNS name by name-constraint checks (OpenSSL): DNS names only.
            String cn = names.stream().filter(n -> !HostNames.isIpLiteral(n)).findFirst().orElse(null);
            X500NameBuilder nb = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "mfa-harness");
            X500Name subject = (cn == null ? nb : nb.addRDN(BCStyle.CN, cn)).build();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(),
                    Date.from(notBefore), Date.from(notAfter), subject, leafKeys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            GeneralName[] sans = new GeneralName[names.size()];
            for (int i = 0; i < sans.length; i++) {
                String n = names.get(i);
                sans[i] = HostNames.isIpLiteral(n)
                        ? new GeneralName(GeneralName.iPAddress, n)
                        : new GeneralName(GeneralName.dNSName, n);
            }
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(leafKeys.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(caCert));
            X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(b.build(signer(caKeys.getPrivate())));
            return new ServerIdentity(leafKeys.getPrivate(), List.of(leaf, caCert));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue certificate for " + names, e);
        }
    }

    private static X509Certificate selfSigned(KeyPair keys, CaOptions options, Instant now) {
        try {
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "mfa-harness")
                    .addRDN(BCStyle.CN, options.commonName() + " " + now.getEpochSecond())
                    .build();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(options.validity())), name, keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            if (options.constrained()) {
                List<GeneralSubtree> permitted = new ArrayList<>();
                for (String dns : options.permittedDnsSubtrees()) {
                    permitted.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, dns)));
                }
                for (String cidr : options.permittedIpRanges()) {
                    permitted.add(new GeneralSubtree(new GeneralName(GeneralName.iPAddress, cidr)));
                }
                b.addExtension(Extension.nameConstraints, true,
                        new NameConstraints(permitted.toArray(new GeneralSubtree[0]), null));
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(signer(keys.getPrivate())));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create CA certificate", e);
        }
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE).build(key);
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static KeyPair newEcKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 unavailable", e);
        }
    }

    /** {@link HostNames#normalise}, refusing a name that is empty (or only a dot). */
    private static String normalise(String host) {
        String h = HostNames.normalise(host);
        if (h.isEmpty() || h.equals(".")) {
            throw new IllegalArgumentException("empty host name");
        }
        return h;
    }
}
