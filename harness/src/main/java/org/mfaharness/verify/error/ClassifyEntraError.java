package org.mfaharness.verify.error;

import org.mfaharness.artifact.EntraError;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * What an AADSTS error says about MFA: 50079 (and 50076/50074 after a federated hop) means Entra wanted the MFA
 * claim from the federated IdP; 50076/50074 otherwise, that the sign-in lacked MFA; 50158/50161 that Entra rejected
 * the EAM; 53003 a Conditional Access block; anything else is reported with its meaning. Source: spec (d) 9, §5.
 */
public final class ClassifyEntraError implements Check<EntraError> {
    @Override
    public void evaluate(EntraError e, JudgeContext ctx, Findings out) {
        int code = e.primaryCode();
        String said = "AADSTS" + code + (e.description() == null ? "" : " (" + shorten(e.description()) + ")");
        Evidence ev = Evidence.at(e.origin().field() == null ? "text" : e.origin().field(), "AADSTS" + code);
        boolean federated = ctx.correlation().wsFedRequest() != null || ctx.correlation().authnRequest() != null;
        if (code == 50079 || ((code == 50076 || code == 50074) && federated)) {
            out.add(ReasonCode.ENTRA_REQUIRES_IDP_MFA_CLAIM, "Entra refused with " + said + ": "
                    + AadstsCodes.meaning(code) + ".", ev);
        } else if (code == 50076 || code == 50074 || code == 50072 || code == 50078) {
            out.add(ReasonCode.ENTRA_MFA_REQUIRED, "Entra refused with " + said + ": " + AadstsCodes.meaning(code) + ".", ev);
        } else if (code == 50158 || code == 50161) {
            out.add(ReasonCode.EAM_REJECTED, "Entra refused with " + said + ": " + AadstsCodes.meaning(code) + ".", ev);
        } else if (code == 53003) {
            out.add(ReasonCode.CA_BLOCK, "Entra refused with " + said + ": " + AadstsCodes.meaning(code) + ".", ev);
        } else if (code == 0) {
            out.add(ReasonCode.ENTRA_ERROR, "Entra returned error " + e.error() + " without an AADSTS code"
                    + (e.description() == null ? "." : ": " + shorten(e.description()) + "."), Evidence.at("error", e.error()));
        } else {
            out.add(ReasonCode.ENTRA_ERROR, "Entra refused with " + said + ": " + AadstsCodes.meaning(code) + ".", ev);
        }
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
