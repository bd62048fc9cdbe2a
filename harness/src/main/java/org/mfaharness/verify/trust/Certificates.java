package org.mfaharness.verify.trust;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads X.509 certificates from PEM text or bare base64 DER (as copied from metadata), and describes them. */
public final class Certificates {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private Certificates() {
    }

    /** Every certificate in PEM text; a text without PEM markers is read as one base64 DER certificate. */
    public static List<X509Certificate> parse(String text, String source) throws TrustException {
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            out.add(fromBase64(m.group(1), source));
        }
        if (out.isEmpty()) {
            String t = text.strip();
            if (t.isEmpty() || !t.matches("[A-Za-z0-9+/=\\s]+")) {
                throw new TrustException(source + ": no PEM certificate (-----BEGIN CERTIFICATE-----) found");
            }
            out.add(fromBase64(t, source));
        }
        return out;
    }

    /** One certificate from base64 DER (whitespace ignored), as in X509Certificate elements and JWK x5c. */
    public static X509Certificate fromBase64(String b64, String source) throws TrustException {
        try {
            byte[] der = Base64.getMimeDecoder().decode(b64.replaceAll("\\s", ""));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new TrustException(source + ": not a valid X.509 certificate (" + e.getMessage() + ")");
        }
    }

    /** The SHA-256 thumbprint in upper-case hex, as Windows shows it. */
    public static String sha256Thumbprint(X509Certificate c) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-line description: subject, SHA-256 thumbprint prefix, validity. */
    public static String describe(X509Certificate c) {
        return c.getSubjectX500Principal().getName() + " (SHA-256 " + sha256Thumbprint(c).substring(0, 16)
                + "…, valid " + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant() + ")";
    }
}
