/**
 * The XML-DSig profile every SAML signature is held to (spec, "XML-DSig profile"): exactly one Reference to the ID
 * of the element that encloses the signature; only enveloped-signature and (exclusive) c14n transforms; RSA and
 * ECDSA with SHA-1/2 only (no HMAC); IDs registered only on the expected element and duplicate IDs anywhere
 * refused; verification with pinned certificates only, never with KeyInfo; the verified node is the judged node.
 * Apache Santuario does the cryptography (it verifies RSA-SHA1, which the JDK refuses under secure validation);
 * this package enforces the profile itself.
 */
package org.mfaharness.verify.xmldsig;
