/**
 * Where the proxy may forward, and how: the upstream policy (host map, allow patterns, loopback-only default decided
 * from the name, the map or an IP literal before any DNS lookup), the resolver used once a non-loopback name is
 * allowed, and the pooled keep-alive HTTP/1.1 client (RFC 9112) with TLS verified against the JDK trust store and/or
 * given CA certificates.
 */
package org.mfaharness.proxy.upstream;
