package org.mfaharness.proxy.upstream;

/**
 * A pool key: where to connect and which name TLS verifies.
 *
 * @param tls         whether the upstream speaks TLS
 * @param host        the requested host: SNI and certificate verification name
 * @param connectHost the host to connect to (IP literal, loopback name, or an allowed name)
 * @param port        the port to connect to
 */
public record Route(boolean tls, String host, String connectHost, int port) {
}
