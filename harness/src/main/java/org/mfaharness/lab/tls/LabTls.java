package org.mfaharness.lab.tls;

import java.io.IOException;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS material of one lab run: a server context presenting one leaf certificate for every lab name, and what a
 * client needs to trust it. The lab only talks to this interface, so another certificate authority (the proxy
 * module's) can replace {@link BouncyCastleLabCa} without touching the parties. Implementations are thread-safe.
 */
public interface LabTls {

    /** The server side: a TLS context whose key manager presents the shared leaf certificate. */
    SSLContext serverContext();

    /** The client side: a TLS context whose trust manager trusts only the lab CA. */
    SSLContext clientContext();

    /** {@link #clientContext()}'s socket factory, for MSAL4J's {@code sslSocketFactory(...)} and HttpsURLConnection. */
    default SSLSocketFactory socketFactory() {
        return clientContext().getSocketFactory();
    }

    /** The CA certificate, PEM. */
    String caCertificatePem();

    /** Writes the CA certificate PEM into {@code dir} (once) and returns the file. */
    Path writeCaCertificate(Path dir) throws IOException;

    /**
     * The base64 SHA-256 of the leaf key's SubjectPublicKeyInfo, for Chromium's
     * {@code --ignore-certificate-errors-spki-list}. Every lab server certificate uses this one key.
     */
    String leafSpkiPin();
}
