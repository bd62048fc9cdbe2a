package org.mfaharness.verify;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who satisfied MFA in a sign-in chain. Needed because under {@code acceptIfMfaDoneByFederatedIdp} a missing IdP
 * claim is hidden by Entra's own MFA prompt: the final token has {@code mfa} but the third party did not supply it.
 */
public enum MfaBy {
    FEDERATED_IDP("federated-idp"),
    EAM("eam"),
    ENTRA("entra"),
    NOBODY("nobody"),
    UNKNOWN("unknown");

    private final String label;

    MfaBy(String label) {
        this.label = label;
    }

    /** The glossary spelling used in JSON, reports and scenario files, e.g. {@code federated-idp}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Parses the glossary spelling. */
    public static MfaBy fromLabel(String s) {
        for (MfaBy m : values()) {
            if (m.label.equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mfaBy value '" + s + "' (federated-idp, eam, entra, nobody, unknown)");
    }
}
