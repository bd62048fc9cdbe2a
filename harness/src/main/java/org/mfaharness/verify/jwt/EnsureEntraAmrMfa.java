package org.mfaharness.verify.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * {@code amr} contains the exact element {@code "mfa"} — the test Partner Center applies. Element match, case
 * sensitive: {@code wiaormfa} (Windows OR MFA) and {@code nomfa} are not {@code mfa}, although Microsoft's own
 * {@code Test-PartnerSecurityRequirement} substring test would pass them; {@code ngcmfa} alone is weak; {@code acr}
 * is never consulted. A v2 token without amr cannot tell. Source: spec (d) 4 and 6, §4.
 */
public final class EnsureEntraAmrMfa implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        if (!EnsureAmrIsStringArray.isWellFormed(t)) {
            return; // TOKEN_AMR_MALFORMED already says why amr cannot be read.
        }
        JsonNode amr = t.claims().get("amr");
        if (amr == null) {
            if ("2.0".equals(t.claimString("ver"))) {
                out.add(ReasonCode.TOKEN_V2_NO_AMR, "This v2 token has no amr (v2 tokens never carry it), so it cannot show MFA;"
                        + " judge a v1 access token for the Partner Center API instead.", Evidence.at("payload.ver", "2.0"));
            } else {
                out.add(ReasonCode.ENTRA_NO_AMR, "The token has no amr claim, so Partner Center sees no MFA.",
                        Evidence.expected("payload.amr", null, "[\"mfa\", …]"));
            }
            return;
        }
        List<String> values = new ArrayList<>();
        amr.forEach(v -> values.add(v.asText()));
        String raw = amr.toString();
        if (values.contains("mfa")) {
            out.add(ReasonCode.ENTRA_AMR_MFA, "amr is " + raw + ": it contains \"mfa\".", Evidence.at("payload.amr", raw));
        } else if (values.contains("ngcmfa")) {
            out.add(ReasonCode.ENTRA_AMR_NGCMFA, "amr is " + raw + ": only \"ngcmfa\", which is equivalent to mfa but short-lived.",
                    Evidence.expected("payload.amr", raw, "mfa"));
        } else if (values.contains("wiaormfa")) {
            out.add(ReasonCode.ENTRA_AMR_WIAORMFA, "amr is " + raw + ": \"wiaormfa\" means Windows OR MFA, not proof of MFA"
                    + " (Test-PartnerSecurityRequirement's substring test would wrongly pass it).",
                    Evidence.expected("payload.amr", raw, "mfa"));
        } else {
            out.add(ReasonCode.ENTRA_AMR_NO_MFA, "amr is " + raw + ": it does not contain \"mfa\", so Partner Center refuses this token.",
                    Evidence.expected("payload.amr", raw, "mfa"));
        }
    }
}
