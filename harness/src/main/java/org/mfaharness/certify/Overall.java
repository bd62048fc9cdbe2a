package org.mfaharness.certify;

import java.util.Collection;

/**
 * The certificate's overall line: not conformant when any module failed; incomplete (not certified) when none failed
 * but some could not run; conformant with warnings when a module warned; conformant otherwise.
 */
public enum Overall {
    CONFORMANT("conformant"),
    CONFORMANT_WITH_WARNINGS("conformant with warnings"),
    INCOMPLETE("incomplete: some modules could not run, so it is not certified"),
    NOT_CONFORMANT("not conformant");

    private final String label;

    Overall(String label) {
        this.label = label;
    }

    /** The words the certificate prints. */
    public String label() {
        return label;
    }

    /** Whether the overall result lets the command exit 0. */
    public boolean certified() {
        return this == CONFORMANT || this == CONFORMANT_WITH_WARNINGS;
    }

    public static Overall of(Collection<ModuleResult> results) {
        boolean warn = false;
        boolean notRun = false;
        for (ModuleResult r : results) {
            switch (r.outcome()) {
                case FAIL -> {
                    return NOT_CONFORMANT;
                }
                case NOT_RUN -> notRun = true;
                case WARN -> warn = true;
                default -> { }
            }
        }
        return notRun ? INCOMPLETE : warn ? CONFORMANT_WITH_WARNINGS : CONFORMANT;
    }
}
