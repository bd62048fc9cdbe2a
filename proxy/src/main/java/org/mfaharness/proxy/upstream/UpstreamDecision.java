package org.mfaharness.proxy.upstream;

/**
 * The policy's answer for one requested host and port.
 *
 * @param allowed      whether the proxy may forward
 * @param host         the requested host (used for TLS SNI and certificate verification)
 * @param connectHost  where to connect: an IP literal, a loopback name, or (allowed names only) a name to resolve
 * @param connectPort  where to connect
 * @param reason       why: a short sentence for logs, 502 bodies and recorded errors
 */
public record UpstreamDecision(boolean allowed, String host, String connectHost, int connectPort, String reason) {
}
