/**
 * The proxy's Undertow side: the listener's root handler (absolute-form HTTP/1.1 forwarding and {@code CONNECT},
 * RFC 9110 section 9.3.6), TLS termination of CONNECT tunnels with per-host leaf certificates chosen by SNI
 * (RFC 6066 section 3) or the CONNECT host, ALPN {@code http/1.1} only (RFC 7301), and the blocking forwarder that
 * streams bodies to and from the upstream while capturing a bounded prefix of each.
 * Internal: the public face is {@link org.mfaharness.proxy.InterceptingProxy}.
 */
package org.mfaharness.proxy.server;
