package org.mfaharness.proxy.server;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedKeyManager;
import org.mfaharness.proxy.ca.CertificateAuthority;
import org.mfaharness.proxy.ca.ServerIdentity;

/**
 * Presents the leaf certificate of the host the client asked for in SNI, or of the CONNECT host when the client sent
 * no SNI (e.g. for an IP literal): the fixed fallback host, or else the engine's peer host, which the proxy sets to
 * the CONNECT host. Aliases are host names; every leaf shares the CA's one leaf key.
 */
final class SniKeyManager extends X509ExtendedKeyManager {
    private final CertificateAuthority ca;
    private final String fallbackHost;

    SniKeyManager(CertificateAuthority ca, String fallbackHost) {
        this.ca = ca;
        this.fallbackHost = fallbackHost;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        if (!"EC".equals(keyType)) {
            return null;
        }
        String h = hostFor(engine == null ? null : engine.getHandshakeSession());
        return h != null ? h : engine == null ? null : engine.getPeerHost();
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        SSLSession s = socket instanceof javax.net.ssl.SSLSocket ssl ? ssl.getHandshakeSession() : null;
        return "EC".equals(keyType) ? hostFor(s) : null;
    }

    private String hostFor(SSLSession session) {
        if (session instanceof ExtendedSSLSession ext) {
            List<SNIServerName> names = ext.getRequestedServerNames();
            for (SNIServerName n : names) {
                if (n instanceof SNIHostName h && !h.getAsciiName().isBlank()) {
                    return h.getAsciiName().toLowerCase(java.util.Locale.ROOT);
                }
            }
        }
        return fallbackHost;
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
        return "EC".equals(keyType) && fallbackHost != null ? new String[] {fallbackHost} : null;
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
