/**
 * The intercepting proxy: an HTTP/1.1 forward proxy on Undertow with TLS interception (CONNECT), a BouncyCastle
 * certificate authority, an upstream policy, immutable {@code Exchange} records, HAR 1.2 writing and reading, and
 * redaction. It knows HTTP, TLS and HAR, and nothing of SAML or JWT.
 */
package org.mfaharness.proxy;
