package org.mfaharness.verify.jwt;

import java.util.regex.Pattern;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * {@code kid} (and {@code x5t}) are plain identifiers — base64url-ish, at most 128 characters — not paths, URLs,
 * SQL or control characters (the kid-injection class). Keys are looked up by exact match only. Source: RFC 8725 §3.10.
 */
public final class RejectSuspiciousKid implements Check<JwtToken> {
    static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_\\-+=.:]{1,128}");

    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        for (String p : new String[] {"kid", "x5t"}) {
            if (!t.header().has(p)) {
                continue;
            }
            var node = t.header().get(p);
            String v = node.isTextual() ? node.asText() : node.toString();
            if (!node.isTextual() || !PLAIN_ID.matcher(v).matches() || v.contains("..")) {
                out.add(ReasonCode.JOSE_KID_INVALID, "The header's " + p + " is not a plain key identifier: "
                        + (v.length() > 80 ? v.substring(0, 80) + "…" : v) + ".", Evidence.at("header." + p, v));
            }
        }
    }
}
