package org.mfaharness.verify.eam;

import java.util.List;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * Concludes the claim rules: when acr and amr passed and sub/nonce/aud did not fail, Entra will record MFA from
 * this id_token (EAM_OK, PRESENT). Source: spec (c) 5.
 */
public final class ConcludeEamClaims implements Check<JwtToken> {
    static final List<ReasonCode> CLAIM_FAILURES = List.of(ReasonCode.EAM_ACR_MISSING, ReasonCode.EAM_ACR_NOT_REQUESTED,
            ReasonCode.EAM_ACR_MULTIPLE, ReasonCode.EAM_AMR_NOT_ARRAY, ReasonCode.EAM_AMR_COUNT,
            ReasonCode.EAM_AMR_UNSUPPORTED, ReasonCode.EAM_AMR_TYPE_CONFLICT, ReasonCode.EAM_SUB_MISMATCH,
            ReasonCode.EAM_NONCE, ReasonCode.EAM_AUD);

    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        if (CLAIM_FAILURES.stream().noneMatch(out::has)) {
            out.add(ReasonCode.EAM_OK, "The id_token carries acr " + t.claimString("acr") + " and amr " + t.claims().get("amr")
                    + " as Entra requires: Entra records MFA from it.", Evidence.at("payload.amr", String.valueOf(t.claims().get("amr"))));
        }
    }
}
