package org.mfaharness.verify;

import org.mfaharness.artifact.EamRequest;
import org.mfaharness.artifact.Saml2AuthnRequest;
import org.mfaharness.artifact.TokenRequest;
import org.mfaharness.artifact.WsFedSignInRequest;

/**
 * The requests that preceded an artifact in the same capture, which some rules compare against. Any of them may
 * be null: a rule whose request is unknown records "not checked".
 *
 * @param wsFedRequest the WS-Fed sign-in request Entra sent to the IdP
 * @param authnRequest the SAML 2.0 AuthnRequest Entra sent to the IdP
 * @param eamRequest   Entra's authorize POST to the EAM provider
 * @param tokenRequest the token request whose response carried a token
 */
public record Correlation(WsFedSignInRequest wsFedRequest, Saml2AuthnRequest authnRequest, EamRequest eamRequest,
                          TokenRequest tokenRequest) {
    /** Nothing is known about the requests. */
    public static Correlation none() {
        return new Correlation(null, null, null, null);
    }
}
