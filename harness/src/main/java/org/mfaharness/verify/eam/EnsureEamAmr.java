package org.mfaharness.verify.eam;

import com.fasterxml.jackson.databind.JsonNode;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.artifact.JwtToken;

/**
 * {@code amr} is an array with exactly one value, one Entra accepts from an EAM, of a type the {@code acr} admits
 * and not knowledge (the first factor's type). Typical mistakes: {@code ["mfa"]}, {@code ["pwd"]}, two values.
 * Source: spec (c) 5, §3.
 */
public final class EnsureEamAmr implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        JsonNode amr = t.claims().get("amr");
        if (amr == null || !amr.isArray()) {
            out.add(ReasonCode.EAM_AMR_NOT_ARRAY, "amr is " + amr + "; Entra needs a JSON array with one method, e.g. [\"otp\"].",
                    Evidence.at("payload.amr", String.valueOf(amr)));
            return;
        }
        if (amr.size() != 1) {
            out.add(ReasonCode.EAM_AMR_COUNT, "amr is " + amr + "; Entra accepts exactly one method.",
                    Evidence.at("payload.amr", amr.toString()));
            return;
        }
        String method = amr.get(0).asText();
        EamVocabulary.Type type = EamVocabulary.AMR_TYPES.get(method);
        if (type == null) {
            out.add(ReasonCode.EAM_AMR_UNSUPPORTED, "amr is " + amr + ": \"" + method
                    + "\" is not a method Entra accepts from an EAM (" + String.join(", ", new java.util.TreeSet<>(EamVocabulary.AMR_TYPES.keySet())) + ").",
                    Evidence.at("payload.amr", amr.toString()));
            return;
        }
        String acr = t.claimString("acr");
        if (acr != null && EamVocabulary.ACR_VALUES.contains(acr) && !EamVocabulary.acrAdmits(acr, type)) {
            out.add(ReasonCode.EAM_AMR_TYPE_CONFLICT, "amr \"" + method + "\" is a " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " factor, which acr \"" + acr + "\" does not admit.", Evidence.expected("payload.amr", amr.toString(), acr));
        }
    }
}
