/**
 * Redaction applied to exchanges before anything is written: cookie values, {@code Authorization} credentials other
 * than bearer tokens, password and one-time-code fields, OAuth 2.0 authorization codes (RFC 6749 section 4.1.2, in
 * redirect query strings, HTML form_post inputs and token request bodies), PKCE {@code code_verifier} (RFC 7636),
 * refresh tokens, client secrets and assertions (RFC 7523), device codes (RFC 8628), and caller-given exact secret
 * values anywhere. Assertions and access/id tokens ({@code wresult}, {@code SAMLResponse}, {@code id_token},
 * {@code access_token}, {@code Authorization: Bearer}) are kept whole so a HAR can be re-judged. Share mode adds
 * caller-supplied scrubbers (the harness strips signatures); this package parses no SAML or JWT itself.
 */
package org.mfaharness.proxy.redact;
