package org.mfaharness.verify.jwt;

import java.util.List;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * The header does not carry or point to its own key ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}): trusting
 * it would let anyone sign. Entra's tokens carry only {@code kid}/{@code x5t}. Source: RFC 8725 §3.10, spec (d) 2.
 */
public final class RejectHeaderKeys implements Check<JwtToken> {
    static final List<String> KEY_PARAMETERS = List.of("jwk", "jku", "x5u", "x5c");

    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        for (String p : KEY_PARAMETERS) {
            if (t.header().has(p)) {
                String v = t.header().get(p).toString();
                out.add(ReasonCode.JOSE_HEADER_KEY, "The header carries \"" + p
                        + "\": a token that brings its own key proves nothing; it is never used, nor fetched.",
                        Evidence.at("header." + p, v.length() > 200 ? v.substring(0, 200) + "…" : v));
            }
        }
    }
}
