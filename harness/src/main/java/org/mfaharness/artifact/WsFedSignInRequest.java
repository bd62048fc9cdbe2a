package org.mfaharness.artifact;

/**
 * Entra's WS-Federation sign-in request to a federated IdP ({@code wa=wsignin1.0}).
 *
 * @param wtrealm the realm ({@code urn:federation:MicrosoftOnline})
 * @param wctx    the context Entra expects back (kept: it is not a credential)
 * @param wauth   the requested authentication method ({@code …/multipleauthn} when Entra needs MFA), or null
 * @param wfresh  {@code 0} when Entra forces re-authentication, or null
 * @param whr     the home realm hint, or null
 */
public record WsFedSignInRequest(String raw, Origin origin, String wtrealm, String wctx, String wauth, String wfresh,
                                 String whr) implements Artifact {
    @Override
    public ArtifactKind kind() {
        return ArtifactKind.WSFED_SIGNIN_REQUEST;
    }
}
