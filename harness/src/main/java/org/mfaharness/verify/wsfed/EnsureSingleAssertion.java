package org.mfaharness.verify.wsfed;

import org.mfaharness.artifact.WsFedResponse;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * RequestedSecurityToken holds exactly one assertion: none is a parse error, several is a wrapping pattern or a
 * broken IdP (FAIL). Source: spec (a) 1.
 */
public final class EnsureSingleAssertion implements Check<WsFedResponse> {
    @Override
    public void evaluate(WsFedResponse r, JudgeContext ctx, Findings out) {
        int n = r.assertions().size();
        if (n == 0) {
            out.add(ReasonCode.WSF_PARSE_ERROR, "The RSTR's RequestedSecurityToken holds no SAML assertion.",
                    Evidence.at("RequestSecurityTokenResponse/RequestedSecurityToken", null));
        } else if (n > 1) {
            out.add(ReasonCode.WSF_MULTIPLE_ASSERTIONS, "The RSTR holds " + n
                    + " assertions; Entra expects exactly one, and judging any one of them could be fooled.",
                    Evidence.at(r.assertions().get(1).path(), String.valueOf(n)));
        }
    }
}
