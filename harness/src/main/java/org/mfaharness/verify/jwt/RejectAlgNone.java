package org.mfaharness.verify.jwt;

import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/** The token is signed: {@code alg} is present and not {@code none} (any case). Source: RFC 8725 §3.1. */
public final class RejectAlgNone implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        String alg = t.alg();
        if (alg == null || isNone(alg)) {
            out.add(ReasonCode.JOSE_ALG_NONE, alg == null ? "The header has no alg: the token is not signed."
                    : "The header says alg \"" + alg + "\": the token is unsigned and anyone could have written it.",
                    Evidence.at("header.alg", alg));
        }
    }

    /** {@code none} in any case. */
    static boolean isNone(String alg) {
        return alg.equalsIgnoreCase("none");
    }
}
