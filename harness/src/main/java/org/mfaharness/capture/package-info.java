/**
 * Live capture: the intercepting proxy wired to the artifact extractors, so every exchange of a sign-in (browser,
 * MSAL4J, or a partner's own tooling) becomes artifacts in order, ready for the verdict engine.
 */
package org.mfaharness.capture;
