package org.mfaharness.certify.module;

import java.util.Set;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.assertion.AssertionCodes;

/** The two federation protocols the federated modules serve, with what differs between them. */
public enum Fed {
    WSFED("WS-Fed RSTR", Set.of(ArtifactKind.WSFED_RSTR, ArtifactKind.SAML11_ASSERTION), AssertionCodes.WSFED,
            ReasonCode.WSF_AUTHN_INSTANT),
    SAML2("SAML 2.0 Response", Set.of(ArtifactKind.SAML2_RESPONSE, ArtifactKind.SAML2_ASSERTION), AssertionCodes.SAML2,
            ReasonCode.S2_AUTHN_INSTANT);

    final String response;
    final Set<ArtifactKind> kinds;
    final AssertionCodes codes;
    /** The code of the engine's record of the assertion's authentication instant (its value is the evidence). */
    final ReasonCode authnInstant;

    Fed(String response, Set<ArtifactKind> kinds, AssertionCodes codes, ReasonCode authnInstant) {
        this.response = response;
        this.kinds = kinds;
        this.codes = codes;
        this.authnInstant = authnInstant;
    }

    /** The engine's record of the authentication instant on an IdP response, or null when it recorded none. */
    Finding authnInstantOf(ArtifactJudgement response) {
        return response.findings().stream().filter(f -> f.code().equals(authnInstant.name())).findFirst().orElse(null);
    }
}
