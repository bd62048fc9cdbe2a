package org.mfaharness.verify.error;

import java.util.Locale;
import org.mfaharness.artifact.PartnerCenterError;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * What a Partner Center or Graph partner-API error says: 401 with {@code 900421}, "MFA required (10001)" and
 * Graph's {@code Unauthorized_MissingMFA} mean the token lacked MFA; {@code 900420} a wrong resource.
 * Source: spec (d) 9, §5.
 */
public final class ClassifyPartnerCenterError implements Check<PartnerCenterError> {
    @Override
    public void evaluate(PartnerCenterError e, JudgeContext ctx, Findings out) {
        String code = e.code() == null ? "" : e.code();
        String desc = e.description() == null ? "" : e.description();
        Evidence ev = Evidence.at(e.origin().field() == null ? "code" : e.origin().field(), code.isEmpty() ? desc : code);
        boolean mfa = code.equals("900421") || code.equals("10001") || code.equals("Unauthorized_MissingMFA")
                || desc.toLowerCase(Locale.ROOT).contains("mfa required") || desc.contains("does not have MFA claims");
        if (mfa) {
            out.add(ReasonCode.PC_MFA_REQUIRED, "Partner Center refused the call (" + (e.httpStatus() > 0 ? "HTTP " + e.httpStatus() + ", " : "")
                    + "code " + code + "): the access token carries no MFA claim." + (desc.isEmpty() ? "" : " It said: " + desc), ev);
        } else if (code.equals("900420")) {
            out.add(ReasonCode.PC_ERROR, "Partner Center refused the token's audience (900420): acquire the token for "
                    + ctx.options().cloud().partnerCenterResource() + ", not another resource." + (desc.isEmpty() ? "" : " It said: " + desc), ev);
        } else {
            out.add(ReasonCode.PC_ERROR, "Partner Center returned error " + (code.isEmpty() ? "(no code)" : code)
                    + (desc.isEmpty() ? "." : ": " + desc), ev);
        }
    }
}
