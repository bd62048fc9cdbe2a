package org.mfaharness.certify;

import java.util.List;

/** A conformance test plan: a plain list of modules with the severity the plan gives each. Immutable. */
public interface TestPlan {
    /** The plan's name on the command line: {@code wsfed}, {@code saml2} or {@code eam}. */
    String name();

    /** A title for people. */
    String displayName();

    /** The plan's version: bumped whenever a module is added, removed or changes severity. */
    String version();

    /** What the plan covers and how the harness plays Entra for it, in prose. */
    String description();

    /** The modules, in report order. */
    List<PlanEntry> entries();

    /** Runs every module on the evidence and applies the plan's severities. */
    default List<ModuleResult> evaluate(CertificationEvidence evidence) {
        return entries().stream().map(e -> {
            ModuleVerdict v;
            try {
                v = e.module().evaluate(evidence);
            } catch (RuntimeException ex) {
                v = ModuleVerdict.notRun("The module could not evaluate the evidence (" + ex.getClass().getSimpleName()
                        + "): this is a bug in mfa-harness, please report it.");
            }
            return e.apply(v);
        }).toList();
    }
}
