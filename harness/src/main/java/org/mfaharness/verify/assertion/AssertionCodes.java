package org.mfaharness.verify.assertion;

import org.mfaharness.verify.ReasonCode;

/** The reason codes a protocol family uses for the shared assertion rules. */
public record AssertionCodes(ReasonCode sigValid, ReasonCode sigInvalid, ReasonCode sigUnchecked, ReasonCode sigMissing,
                             ReasonCode audienceOk, ReasonCode audienceMismatch, ReasonCode timeOk, ReasonCode expired,
                             ReasonCode notYetValid) {

    /** WS-Federation (an RSTR, whatever the SAML version inside). */
    public static final AssertionCodes WSFED = new AssertionCodes(ReasonCode.WSF_SIG_VALID, ReasonCode.WSF_SIG_INVALID,
            ReasonCode.WSF_SIG_UNCHECKED, ReasonCode.WSF_SIG_MISSING, ReasonCode.WSF_AUDIENCE_OK,
            ReasonCode.WSF_AUDIENCE_MISMATCH, ReasonCode.WSF_TIME_OK, ReasonCode.WSF_EXPIRED, ReasonCode.WSF_NOT_YET_VALID);

    /** SAML 2.0 (SAML-P federation). */
    public static final AssertionCodes SAML2 = new AssertionCodes(ReasonCode.S2_SIG_VALID, ReasonCode.S2_SIG_INVALID,
            ReasonCode.S2_SIG_UNCHECKED, ReasonCode.S2_ASSERTION_UNSIGNED, ReasonCode.S2_AUDIENCE_OK,
            ReasonCode.S2_AUDIENCE_MISMATCH, ReasonCode.S2_TIME_OK, ReasonCode.S2_EXPIRED, ReasonCode.S2_NOT_YET_VALID);
}
