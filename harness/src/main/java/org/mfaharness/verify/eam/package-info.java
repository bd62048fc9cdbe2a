/**
 * External Authentication Methods (spec (c), §3): Entra's authorize request and its id_token_hint, the provider's
 * form_post response, its discovery document and JWKS, and the id_token rules — issuer exact, aud = client_id,
 * sub = the hint's sub, nonce echoed, one requested acr, exactly one allowed amr of a type other than knowledge.
 */
package org.mfaharness.verify.eam;
