package org.mfaharness.verify.jwt;

import org.mfaharness.verify.ReasonCode;

/** The codes a token family uses for its signature rule. */
public record SignatureCodes(ReasonCode valid, ReasonCode invalid, ReasonCode unchecked, ReasonCode kidUnknown) {
    public static final SignatureCodes ENTRA = new SignatureCodes(ReasonCode.TOKEN_SIG_VALID, ReasonCode.TOKEN_SIG_INVALID,
            ReasonCode.TOKEN_SIG_UNCHECKED, ReasonCode.TOKEN_KID_UNKNOWN);
    public static final SignatureCodes EAM = new SignatureCodes(ReasonCode.EAM_SIG_VALID, ReasonCode.EAM_SIG_INVALID,
            ReasonCode.EAM_SIG_UNCHECKED, ReasonCode.EAM_KID_UNKNOWN);
}
