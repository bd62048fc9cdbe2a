/**
 * Errors instead of tokens (spec (d) 9, §5): AADSTS codes from Entra and Partner Center / Graph error bodies,
 * classified into what they say about MFA.
 */
package org.mfaharness.verify.error;
