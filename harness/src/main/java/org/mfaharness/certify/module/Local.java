package org.mfaharness.certify.module;

import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.Severity;

/**
 * Findings of the few certify-only rules — facts the verdict engine has no rule for. Their codes are the
 * {@link CertifyCode}s; a failing one carries the code's remediation.
 */
final class Local {
    private Local() {
    }

    static LegFinding pass(String leg, CertifyCode code, String message, Evidence evidence, String source) {
        return finding(leg, code, true, message, evidence, source);
    }

    static LegFinding fail(String leg, CertifyCode code, String message, Evidence evidence, String source) {
        return finding(leg, code, false, message, evidence, source);
    }

    private static LegFinding finding(String leg, CertifyCode code, boolean pass, String message, Evidence evidence,
                                      String source) {
        if (pass != code.passes()) {
            throw new IllegalArgumentException(code + (pass ? " is not a passing code" : " is a passing code"));
        }
        return new LegFinding(leg, new Finding(code.name(), pass ? Severity.PASS : Severity.FAIL, message, evidence,
                code.remediation(), source));
    }
}
