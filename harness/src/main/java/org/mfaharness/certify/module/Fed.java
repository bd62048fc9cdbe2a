package org.mfaharness.certify.module;

import java.util.Set;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.verify.assertion.AssertionCodes;

/** The two federation protocols the federated modules serve, with what differs between them. */
public enum Fed {
    WSFED("WS-Fed RSTR", Set.of(ArtifactKind.WSFED_RSTR, ArtifactKind.SAML11_ASSERTION), AssertionCodes.WSFED),
    SAML2("SAML 2.0 Response", Set.of(ArtifactKind.SAML2_RESPONSE, ArtifactKind.SAML2_ASSERTION), AssertionCodes.SAML2);

    final String response;
    final Set<ArtifactKind> kinds;
    final AssertionCodes codes;

    Fed(String response, Set<ArtifactKind> kinds, AssertionCodes codes) {
        this.response = response;
        this.kinds = kinds;
        this.codes = codes;
    }
}
