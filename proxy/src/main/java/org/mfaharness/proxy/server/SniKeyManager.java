package org.mfaharness.proxy.server;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedKeyManager;
import org.mfaharness.proxy.ca.CertificateAuthority;
import org.mfaharness.proxy.ca.ServerIdentity;

/**
 * Presents the leaf certificate of the host the client asked for in SNI, or of the CONNECT host (the fallback host)
 * when the client sent no SNI (e.g. for an IP literal). Aliases are host names; every leaf shares the CA's one leaf
 * key.
 */
final class SniKeyManager extends X509ExtendedKeyManager {
    private final CertificateAuthority ca;
    private final String fallbackHost;

    /** @param fallbackHost the CONNECT host, presented when the client sends no SNI; never null */
    SniKeyManager(CertificateAuthority ca, String fallbackHost) {
        this.ca = ca;
        this.fallbackHost = Objects.requireNonNull(fallbackHost, "fallbackHost");
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        if (!"EC".equals(keyType)) {
            return null;
        }
        return hostFor(engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        SSLSession s = socket instanceof javax.net.ssl.SSLSocket ssl ? ssl.getHandshakeSession() : null;
        return "EC".equals(keyType) ? hostFor(s) : null;
    }

    private String hostFor(SSLSession session) {
        String sni = sniHost(session);
        return sni != null ? sni : fallbackHost;
    }

    /** The first SNI host name the client asked for, lower-cased; null when it sent none. */
    static String sniHost(SSLSession session) {
        if (session instanceof ExtendedSSLSession ext) {
            try {
                for (SNIServerName n : ext.getRequestedServerNames()) {
                    if (n instanceof SNIHostName h && !h.getAsciiName().isBlank()) {
                        return h.getAsciiName().toLowerCase(Locale.ROOT);
                    }
                }
            } catch (UnsupportedOperationException ignored) {
                // no SNI information
            }
        }
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        ServerIdentity id = ca.leafFor(alias);
        return id.chain().toArray(new X509Certificate[0]);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ca.leafFor(alias).privateKey();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return "EC".equals(keyType) ? new String[] {fallbackHost} : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
