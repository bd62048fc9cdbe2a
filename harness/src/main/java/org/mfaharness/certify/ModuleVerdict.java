package org.mfaharness.certify;

import java.util.List;

/**
 * What a module concluded before the plan applies its severity: {@link Outcome#FAIL} here means "the assertion does
 * not hold" and becomes the plan's severity for the module (FAIL or WARN).
 *
 * @param outcome  PASS, WARN (held only weakly), FAIL (does not hold) or NOT_RUN
 * @param message  one full sentence for people: what was seen, or why the module could not run
 * @param evidence the findings the conclusion rests on, in order
 */
public record ModuleVerdict(Outcome outcome, String message, List<LegFinding> evidence) {
    public ModuleVerdict {
        evidence = List.copyOf(evidence);
    }

    public static ModuleVerdict pass(String message, List<LegFinding> evidence) {
        return new ModuleVerdict(Outcome.PASS, message, evidence);
    }

    public static ModuleVerdict warn(String message, List<LegFinding> evidence) {
        return new ModuleVerdict(Outcome.WARN, message, evidence);
    }

    public static ModuleVerdict fail(String message, List<LegFinding> evidence) {
        return new ModuleVerdict(Outcome.FAIL, message, evidence);
    }

    public static ModuleVerdict notRun(String why) {
        return new ModuleVerdict(Outcome.NOT_RUN, why, List.of());
    }
}
