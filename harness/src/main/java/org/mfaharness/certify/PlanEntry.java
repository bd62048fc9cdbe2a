package org.mfaharness.certify;

import java.util.Objects;
import org.mfaharness.verify.Severity;

/**
 * A module as a plan calls it, with the severity the plan gives a failure: {@link Severity#FAIL} for a documented
 * requirement, {@link Severity#WARN} for best practice.
 */
public record PlanEntry(TestModule module, Severity severity) {
    public PlanEntry {
        Objects.requireNonNull(module, "module");
        if (severity != Severity.FAIL && severity != Severity.WARN) {
            throw new IllegalArgumentException("a plan gives a module FAIL or WARN, not " + severity);
        }
    }

    /** The module's result after this plan's severity. */
    public ModuleResult apply(ModuleVerdict v) {
        Outcome o = switch (v.outcome()) {
            case FAIL -> severity == Severity.FAIL ? Outcome.FAIL : Outcome.WARN;
            default -> v.outcome();
        };
        return new ModuleResult(module.name(), module.displayName(), module.summary(), module.requirements(), severity, o,
                v.message(), v.evidence());
    }
}
