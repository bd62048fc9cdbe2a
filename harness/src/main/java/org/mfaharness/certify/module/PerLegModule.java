package org.mfaharness.certify.module;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.ModuleVerdict;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.TestModule;

/**
 * A module that concludes sign-in by sign-in: a fail in any sign-in fails it, a warn warns; it passes when at least
 * one sign-in was judged and none failed; NOT_RUN when none could be judged. Thread-safe.
 */
abstract class PerLegModule implements TestModule {
    /** One sign-in's conclusion: an outcome, and the finding it rests on (or, for NOT_RUN, only a message). */
    record LegVerdict(Outcome outcome, LegFinding finding, String message) {
        static LegVerdict of(Outcome o, LegFinding f) {
            return new LegVerdict(o, f, f.finding().message());
        }

        static LegVerdict notRun(String why) {
            return new LegVerdict(Outcome.NOT_RUN, null, why);
        }
    }

    private final Set<LegName> legs;

    PerLegModule(Set<LegName> legs) {
        this.legs = EnumSet.copyOf(legs);
    }

    /** Judges one sign-in that ran. */
    abstract LegVerdict judge(Leg leg, CertificationEvidence e);

    @Override
    public ModuleVerdict evaluate(CertificationEvidence e) {
        List<LegFinding> evidence = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        LegLines passed = new LegLines();
        LegVerdict worst = null;
        for (LegName n : legs) {
            Leg leg = e.leg(n).orElse(null);
            LegVerdict v = leg == null ? LegVerdict.notRun(e.whyNoLeg(n)) : judge(leg, e);
            if (v.finding() != null) {
                evidence.add(v.finding());
            }
            String line = (leg == null || v.outcome() == Outcome.NOT_RUN && leg == null ? "" : n.label() + ": ") + v.message();
            switch (v.outcome()) {
                case NOT_RUN -> {
                    if (!notRun.contains(line)) {
                        notRun.add(line);
                    }
                }
                case PASS -> passed.add(leg == null ? null : n.label(), v.message());
                default -> {
                    if (worst == null || v.outcome() == Outcome.FAIL && worst.outcome() != Outcome.FAIL) {
                        worst = new LegVerdict(v.outcome(), v.finding(), line);
                    }
                }
            }
        }
        if (worst != null) {
            return new ModuleVerdict(worst.outcome(), worst.message(), evidence);
        }
        if (passed.isEmpty()) {
            return new ModuleVerdict(Outcome.NOT_RUN, String.join(" ", notRun), evidence);
        }
        if (!notRun.isEmpty()) {
            // A requirement is met only when every sign-in it names was judged: a pass in some is not a pass.
            return new ModuleVerdict(Outcome.NOT_RUN, "Not judged: " + String.join(" ", notRun) + " Judged: " + passed, evidence);
        }
        return ModuleVerdict.pass(passed.toString(), evidence);
    }
}
