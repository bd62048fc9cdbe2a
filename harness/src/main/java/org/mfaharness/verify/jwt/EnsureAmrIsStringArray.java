package org.mfaharness.verify.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * When present, an Entra token's {@code amr} is a JSON array of strings, not duplicated. (EAM tokens have their
 * own amr rules.) Source: spec (d) 2.
 */
public final class EnsureAmrIsStringArray implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        if (!isWellFormed(t)) {
            JsonNode amr = t.claims().get("amr");
            out.add(ReasonCode.TOKEN_AMR_MALFORMED, t.duplicateMembers().contains("payload.amr")
                    ? "amr appears twice, so which methods the token claims depends on the parser."
                    : "amr is " + amr + ", not an array of strings.", Evidence.at("payload.amr", String.valueOf(amr)));
        }
    }

    /** Whether amr is absent, or an undisputed array of strings. */
    static boolean isWellFormed(JwtToken t) {
        if (t.duplicateMembers().contains("payload.amr")) {
            return false;
        }
        JsonNode amr = t.claims().get("amr");
        if (amr == null) {
            return true;
        }
        if (!amr.isArray()) {
            return false;
        }
        for (JsonNode v : amr) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
