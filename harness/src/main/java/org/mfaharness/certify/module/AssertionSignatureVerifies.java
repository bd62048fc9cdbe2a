package org.mfaharness.certify.module;

import java.util.List;
import java.util.Set;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.verify.ReasonCode;

/**
 * Every assertion the IdP returned is signed under the XML-DSig profile and verifies with a signing certificate of
 * its metadata (never KeyInfo). Reads the verdict engine's {@code VerifyAssertionSignature} (and, for SAML 2.0,
 * {@code VerifyResponseSignature}). Claim modules judge content whatever the signature; this one owns the signature.
 * RSA-SHA1 or a SHA-1 digest still verifies (Entra accepts it) and warns: SHA-256 is best practice.
 */
public final class AssertionSignatureVerifies extends FindingsModule {
    private final Fed fed;

    public AssertionSignatureVerifies(Fed fed) {
        super(FEDERATED_LEGS, fed.kinds, fed.response, Set.of(fed.codes.sigValid()), Set.of(ReasonCode.SIG_CERT_EXPIRED, ReasonCode.SIG_SHA1),
                Set.of(fed.codes.sigInvalid(), fed.codes.sigUnchecked(), fed.codes.sigMissing(), ReasonCode.SIG_PROFILE_VIOLATION,
                        ReasonCode.SIG_WRAPPING, fed == Fed.WSFED ? ReasonCode.WSF_MULTIPLE_ASSERTIONS : ReasonCode.S2_MULTIPLE_ASSERTIONS),
                Set.of());
        this.fed = fed;
    }

    @Override
    public String displayName() {
        return "The assertion's signature verifies with the metadata's certificate";
    }

    @Override
    public String summary() {
        return "Passes when every " + fed.response + " the IdP returned holds one assertion, signed (enveloped, one Reference to "
                + "its own ID, exclusive c14n) with a key whose certificate is in the metadata. Unsigned, wrongly signed, "
                + "wrapped or multiple assertions fail; KeyInfo is never trusted. A SHA-1 signature or digest, or an expired certificate, "
                + "still verifies and warns.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(fed == Fed.WSFED ? Requirements.WSFED_SIGNED : Requirements.SAML_SIGNED, Requirements.BP_SHA256);
    }
}
