package org.mfaharness.artifact;

/**
 * Something observed in a capture that is not a token but matters for attribution.
 *
 * @param type   what was seen
 * @param detail a short description (path, form field name), never a secret value
 */
public record SignInEvent(String raw, Origin origin, Type type, String detail) implements Artifact {

    /** The kinds of event the chain judge uses. */
    public enum Type {
        /** Entra's own MFA: SAS BeginAuth/EndAuth/ProcessAuth, or an OTP prompt on the Entra sign-in host. */
        ENTRA_MFA_PROMPT,
        /** A page or request of the federated IdP (the IdP's pages were captured). */
        IDP_PAGE,
        /** A second-factor interaction at the IdP: an OTP/passcode posted, a push/verify call. */
        IDP_SECOND_FACTOR
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.SIGN_IN_EVENT;
    }
}
