/**
 * The lab's federated IdPs: an AD FS-like WS-Federation IdP (RSTR wrapping a SAML 1.1 assertion) and a SAML 2.0 IdP,
 * each with a password page and a TOTP second-factor page, and per-domain knobs that reproduce what vendors get wrong
 * (where the MFA claim goes, whether it is emitted without MFA, {@code wauth} ignored, bad signatures, audiences and
 * validity windows).
 */
package org.mfaharness.lab.idp;
