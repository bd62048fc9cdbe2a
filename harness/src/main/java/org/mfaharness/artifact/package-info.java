/**
 * Artifacts: what a sign-in leaves on the wire, decoded into typed, immutable models — WS-Federation responses
 * (RSTR with a SAML 1.1 or 2.0 assertion), SAML 2.0 Responses and assertions, JWTs (Entra tokens, EAM id_tokens),
 * the requests that give them context (WS-Fed sign-in, AuthnRequest, EAM authorize, token requests), and errors
 * (AADSTS, Partner Center). Detection works on content and form field names, never on host names.
 *
 * <p>This package parses; it never judges. Judgement is {@code org.mfaharness.verify}'s job.
 */
package org.mfaharness.artifact;
