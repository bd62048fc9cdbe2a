package org.mfaharness.certify.module;

import org.mfaharness.certify.LegFinding;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.Severity;

/**
 * Findings of the few certify-only rules — facts the verdict engine has no rule for (metadata endpoints and keys,
 * sign-in completion, echoed wctx/RelayState, fresh authentication, the UPN/ImmutableID claims). Their codes start
 * with {@code CERT_} and are listed in docs/certify.md.
 */
final class Local {
    private Local() {
    }

    static LegFinding finding(String leg, String code, Severity s, String message, Evidence evidence, String source) {
        return new LegFinding(leg, new Finding(code, s, message, evidence, "", source));
    }

    static LegFinding pass(String leg, String code, String message, Evidence evidence, String source) {
        return finding(leg, code, Severity.PASS, message, evidence, source);
    }

    static LegFinding fail(String leg, String code, String message, Evidence evidence, String source) {
        return finding(leg, code, Severity.FAIL, message, evidence, source);
    }
}
