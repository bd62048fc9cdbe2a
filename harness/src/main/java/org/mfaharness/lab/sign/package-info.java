/**
 * Signing on the issuing side: signing keys with self-signed certificates (BouncyCastle), enveloped XML-DSig over
 * SAML assertions and responses (Apache Santuario), and RS256 JWTs (Nimbus). Used by the lab's parties and by tests
 * that need positive cases; the verdict engine never uses it.
 */
package org.mfaharness.lab.sign;
