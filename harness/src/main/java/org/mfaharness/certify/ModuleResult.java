package org.mfaharness.certify;

import java.util.List;
import org.mfaharness.verify.Severity;

/**
 * One module's line on the certificate.
 *
 * @param name         the module's name (its class name, what it asserts)
 * @param displayName  a short title
 * @param summary      what passes, in prose
 * @param requirements the rules it checks
 * @param severity     the severity the plan gives it (FAIL for documented requirements, WARN for best practice)
 * @param outcome      the outcome after the plan's severity
 * @param message      one sentence: what was seen, or why it could not run
 * @param evidence     the findings it rests on
 */
public record ModuleResult(String name, String displayName, String summary, List<Requirement> requirements,
                           Severity severity, Outcome outcome, String message, List<LegFinding> evidence) {
    public ModuleResult {
        requirements = List.copyOf(requirements);
        evidence = List.copyOf(evidence);
    }
}
