package org.mfaharness.proxy.ca;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * A TLS server identity: a private key and its certificate chain (leaf first, then the issuing root).
 *
 * <p>Immutable and thread-safe.
 */
public final class ServerIdentity {
    private static final char[] NO_PASSWORD = "changeit".toCharArray();
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    ServerIdentity(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    public PrivateKey privateKey() {
        return key;
    }

    /** Leaf first, then the root. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** The private key as PKCS#8 PEM. Callers that write it to disk must use mode 0600. */
    public String privateKeyPem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** An in-memory PKCS#12 key store holding this identity under alias {@code server} (password {@code changeit}). */
    public KeyStore keyStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
            return ks;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build key store", e);
        }
    }

    public KeyManager[] keyManagers() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore(), NO_PASSWORD);
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build key managers", e);
        }
    }

    /** A server {@code SSLContext} presenting this identity (TLS 1.2/1.3, JDK defaults). */
    public SSLContext serverSslContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build SSL context", e);
        }
    }
}
