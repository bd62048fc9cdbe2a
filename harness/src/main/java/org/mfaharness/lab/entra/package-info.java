/**
 * Lab Entra ID: the emulated sign-in service (discovery, authorize, sign-in pages, WS-Fed and SAML 2.0 federation,
 * its own TOTP on the SAS endpoints, the EAM hand-off, the token and device-code endpoints, AADSTS errors),
 * written from {@code shared/spec/mfa-claims.md}. It never uses the project's verdict engine.
 */
package org.mfaharness.lab.entra;
