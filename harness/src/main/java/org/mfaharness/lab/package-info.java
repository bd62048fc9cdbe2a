/**
 * The embedded lab: an emulated Entra ID, federated IdPs (WS-Fed/SAML 1.1 and SAML 2.0), External Authentication
 * Method providers and a Partner Center API on loopback, each able to misbehave on purpose. It is the other side of
 * the harness, written from Microsoft's documented behaviour ({@code shared/spec/mfa-claims.md}); it never uses the
 * verdict engine ({@code org.mfaharness.verify}, {@code org.mfaharness.artifact}). Start it with
 * {@link org.mfaharness.lab.Lab#builder()}; {@code docs/lab.md} documents the configuration and the matrix.
 */
package org.mfaharness.lab;
