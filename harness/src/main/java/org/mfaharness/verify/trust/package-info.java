/**
 * Trust material the user gave: pinned certificates (PEM), federation or SAML metadata, JWKS — from files or URLs
 * the user typed (fetched with size, time and redirect bounds). Nothing here ever derives a URL from an artifact.
 */
package org.mfaharness.verify.trust;
