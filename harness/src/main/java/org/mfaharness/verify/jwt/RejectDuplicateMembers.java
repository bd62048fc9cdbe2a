package org.mfaharness.verify.jwt;

import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * No JSON member name appears twice in one object of the header or payload (e.g. {@code "amr":["pwd"],"amr":["mfa"]}):
 * parsers disagree on which value counts. Source: RFC 8725 §3.11 (RFC 7515 §5.2: duplicates MUST be rejected).
 */
public final class RejectDuplicateMembers implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        for (String d : t.duplicateMembers()) {
            out.add(ReasonCode.JOSE_DUPLICATE_MEMBER, "The member " + d
                    + " appears more than once; one parser would read the first value, another the last.",
                    Evidence.at(d, null));
        }
    }
}
