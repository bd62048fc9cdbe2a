/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) and the Base32 seeds (RFC 4648) authenticator apps
 * use. Shared by the lab's verifiers and the scenario's MFA responders; seeds and codes are secrets and are never
 * logged by this package.
 */
package org.mfaharness.totp;
