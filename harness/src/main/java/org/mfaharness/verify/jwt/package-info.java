/**
 * JWTs (spec (d)): JOSE hygiene (no alg none, no HMAC, no keys from the header, no kid tricks, no duplicate
 * members, amr an array of strings), Microsoft API tokens recognised as decode-only, signatures verified with the
 * user's JWKS only, lifetimes with skew, the partner tenant, and the exact {@code amr} element match
 * ({@code wiaormfa} and {@code ngcmfa} are not {@code mfa}; {@code acr} is never used).
 */
package org.mfaharness.verify.jwt;
