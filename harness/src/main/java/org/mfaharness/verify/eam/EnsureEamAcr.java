package org.mfaharness.verify.eam;

import com.fasterxml.jackson.databind.JsonNode;
import org.mfaharness.artifact.EamRequest;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * {@code acr} is one string, one of the values Entra requested (or, without the request, one of the values Entra
 * ever requests). Source: spec (c) 5, §3.
 */
public final class EnsureEamAcr implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        JsonNode acr = t.claims().get("acr");
        if (acr == null || acr.isNull()) {
            out.add(ReasonCode.EAM_ACR_MISSING, "The id_token has no acr.", Evidence.at("payload.acr", null));
            return;
        }
        if (acr.isArray()) {
            if (acr.size() != 1 || !acr.get(0).isTextual()) {
                out.add(ReasonCode.EAM_ACR_MULTIPLE, "acr is " + acr + "; Entra accepts exactly one value.",
                        Evidence.at("payload.acr", acr.toString()));
                return;
            }
            acr = acr.get(0);
        }
        String value = acr.asText();
        EamRequest req = ctx.correlation().eamRequest();
        if (req != null && !req.acrValues().isEmpty()) {
            if (!req.acrValues().contains(value)) {
                out.add(ReasonCode.EAM_ACR_NOT_REQUESTED, "acr is " + value + ", but Entra requested " + req.acrValues() + ".",
                        Evidence.expected("payload.acr", value, String.join(" ", req.acrValues())));
            }
        } else if (!EamVocabulary.ACR_VALUES.contains(value)) {
            out.add(ReasonCode.EAM_ACR_NOT_REQUESTED, "acr is " + value + ", which is not a value Entra ever requests "
                    + EamVocabulary.ACR_VALUES + ".", Evidence.at("payload.acr", value));
        }
    }
}
