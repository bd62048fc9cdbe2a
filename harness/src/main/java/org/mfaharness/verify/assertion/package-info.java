/**
 * Rules shared by SAML 1.1 (WS-Fed) and SAML 2.0 assertions: the signature under the XML-DSig profile, the
 * audience, and the validity window. Each protocol supplies its own reason codes ({@link AssertionCodes}).
 */
package org.mfaharness.verify.assertion;
