package org.mfaharness.verify.jwt;

import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/** The algorithm is not an HMAC ({@code HS256/384/512}): Entra never uses them. Source: RFC 8725 §3.2. */
public final class RejectHmacAlgorithm implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        String alg = t.alg();
        if (alg != null && isHmac(alg)) {
            out.add(ReasonCode.JOSE_HMAC_ALG, "The header says alg \"" + alg
                    + "\", an HMAC: Entra signs with RS256, and an HMAC verified with a public key is the classic key-confusion forgery.",
                    Evidence.expected("header.alg", alg, "RS256"));
        }
    }

    /** HS256, HS384, HS512 (any case, any suffix). */
    static boolean isHmac(String alg) {
        return alg.toUpperCase(java.util.Locale.ROOT).startsWith("HS");
    }
}
