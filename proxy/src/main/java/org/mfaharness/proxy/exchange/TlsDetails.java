package org.mfaharness.proxy.exchange;

/**
 * TLS on both legs of an intercepted exchange; any field may be null when that leg was plain or did not happen.
 *
 * @param clientProtocol     protocol negotiated with the client (e.g. TLSv1.3)
 * @param clientCipher       cipher suite negotiated with the client
 * @param sni                the server name the client asked for (SNI), or null when none was sent
 * @param upstreamProtocol   protocol negotiated with the upstream
 * @param upstreamCipher     cipher suite negotiated with the upstream
 * @param upstreamPeerSubject subject DN of the upstream's certificate
 */
public record TlsDetails(String clientProtocol, String clientCipher, String sni, String upstreamProtocol,
                         String upstreamCipher, String upstreamPeerSubject) {
    public TlsDetails withUpstream(String protocol, String cipher, String peerSubject) {
        return new TlsDetails(clientProtocol, clientCipher, sni, protocol, cipher, peerSubject);
    }
}
