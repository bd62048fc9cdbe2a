/**
 * The lab's External Authentication Method providers (OIDC implicit + form_post, spec section 3): discovery, JWKS,
 * the authorize endpoint taking Entra's POST, a TOTP page, and behaviour knobs that break one rule each.
 */
package org.mfaharness.lab.eam;
