/**
 * A certificate authority (BouncyCastle) for TLS interception and for the lab's own servers: a root CA generated per
 * run or loaded from a persistent directory, leaf certificates minted on one shared EC P-256 key and cached per host
 * (RFC 5280 subjectAltName, serverAuth extended key usage, short validity), optional name constraints on the CA
 * (RFC 5280 section 4.2.1.10), and the material clients need to trust it (PEM, a {@code KeyStore}, an
 * {@code SSLContext}, the base64 SHA-256 SPKI pin that Chromium's {@code --ignore-certificate-errors-spki-list} takes).
 */
package org.mfaharness.proxy.ca;
