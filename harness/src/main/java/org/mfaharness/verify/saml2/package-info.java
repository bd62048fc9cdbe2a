/**
 * SAML 2.0 (SAML-P) federation to Entra (spec (b)): status, a signed assertion (a signed Response alone is not
 * enough), Issuer = the domain's IssuerUri, audience, Recipient = the cloud's login.srf, InResponseTo = the
 * captured AuthnRequest, persistent NameID, {@code IDPEmail}, and MFA only in AuthnContextClassRef — attributes are
 * ignored for MFA.
 */
package org.mfaharness.verify.saml2;
