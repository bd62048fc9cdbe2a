/**
 * WS-Federation responses (spec (a)): an RSTR with one SAML 1.1 assertion, its signature, audience and lifetime,
 * the MFA claim in its documented SAML 1.1 forms (AuthenticationStatement, {@code authenticationmethod}, AD FS
 * {@code authnmethodsreferences}), near misses, and whether the IdP honoured Entra's {@code wauth} step-up.
 */
package org.mfaharness.verify.wsfed;
