/**
 * JWS compact serialization (RFC 7515) decoding: base64url segments, JSON header and payload read with duplicate
 * member detection. Decoding only; signatures are verified in {@code org.mfaharness.verify.jwt}.
 */
package org.mfaharness.artifact.jwt;
