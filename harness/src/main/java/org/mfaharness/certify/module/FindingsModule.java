package org.mfaharness.certify.module;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.ModuleVerdict;
import org.mfaharness.certify.Outcome;
import org.mfaharness.certify.TestModule;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.ReasonCode;

/**
 * A module that maps the verdict engine's findings to its requirement: it reads the judged artifacts of some kinds
 * in some sign-ins, and owns a set of reason codes — pass codes, warn codes and fail codes. Each reason code is owned
 * by one module of a plan, so one fault fails one module. A fail code anywhere fails the module; else a warn code
 * warns; else it passes (on a pass code, or — when it has none — on the absence of its fail codes, since those
 * rules record nothing when they hold). A "not checked" finding for a rule it owns, or no artifact to read in any
 * of its sign-ins, makes it NOT_RUN. Thread-safe.
 */
public abstract class FindingsModule implements TestModule {
    private final Set<LegName> legs;
    private final Set<ArtifactKind> kinds;
    private final Set<String> pass;
    private final Set<String> warn;
    private final Set<String> fail;
    private final Set<String> deferred;
    private final String what;

    /**
     * @param legs     the sign-ins it reads
     * @param kinds    the artifact kinds it reads in them (the last of them in each sign-in)
     * @param what     what those artifacts are, for "produced no …" messages
     * @param pass     codes that establish the assertion (empty: absence of fail codes passes)
     * @param warn     codes that meet it only weakly
     * @param fail     codes that break it
     * @param deferred codes owned by another module that explain why no pass code appeared (the module then passes,
     *                 saying which module counts the fault)
     */
    protected FindingsModule(Set<LegName> legs, Set<ArtifactKind> kinds, String what, Set<ReasonCode> pass,
                             Set<ReasonCode> warn, Set<ReasonCode> fail, Set<ReasonCode> deferred) {
        this.legs = EnumSet.copyOf(legs);
        this.kinds = EnumSet.copyOf(kinds);
        this.what = what;
        this.pass = names(pass);
        this.warn = names(warn);
        this.fail = names(fail);
        this.deferred = names(deferred);
    }

    private static Set<String> names(Set<ReasonCode> codes) {
        return codes.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    /** The reason codes whose presence makes this module warn or fail: each belongs to one module of a plan. */
    public Set<String> failureCodes() {
        java.util.Set<String> s = new java.util.TreeSet<>(warn);
        s.addAll(fail);
        return java.util.Collections.unmodifiableSet(s);
    }

    /** Whether this module owns the rule of reason code {@code code}. */
    public boolean owns(String code) {
        return pass.contains(code) || warn.contains(code) || fail.contains(code);
    }

    /** The module that counts a deferred code, for the message. */
    protected String deferredTo() {
        return "another module";
    }

    /** A sentence to say when the module passes without a pass finding (what was checked and seen), or null. */
    protected String passNote(Leg leg, ArtifactJudgement hop) {
        return null;
    }

    @Override
    public ModuleVerdict evaluate(CertificationEvidence e) {
        List<LegFinding> evidence = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        LegLines passes = new LegLines();
        LegFinding firstFail = null;
        LegFinding firstWarn = null;
        int read = 0;
        for (LegName n : legs) {
            Leg leg = e.leg(n).orElse(null);
            if (leg == null) {
                String why = e.whyNoLeg(n);
                if (!notRun.contains(why)) {
                    notRun.add(why);
                }
                continue;
            }
            ArtifactJudgement hop = leg.last(kinds).orElse(null);
            if (hop == null) {
                notRun.add(leg.whyNothing(what));
                continue;
            }
            boolean sawPass = false;
            boolean sawProblem = false;
            boolean sawDeferred = false;
            boolean notChecked = false;
            for (Finding f : hop.findings()) {
                LegFinding lf = new LegFinding(leg.label(), f);
                if (f.code().equals(ReasonCode.NOT_CHECKED.name()) && owns(f.evidence().path())) {
                    notRun.add(leg.label() + ": " + f.message());
                    notChecked = true;
                } else if (fail.contains(f.code())) {
                    evidence.add(lf);
                    sawProblem = true;
                    if (firstFail == null) {
                        firstFail = lf;
                    }
                } else if (warn.contains(f.code())) {
                    evidence.add(lf);
                    sawProblem = true;
                    if (firstWarn == null) {
                        firstWarn = lf;
                    }
                } else if (pass.contains(f.code())) {
                    evidence.add(lf);
                    if (!sawPass) {
                        passes.add(leg.label(), f.message());
                    }
                    sawPass = true;
                } else if (deferred.contains(f.code())) {
                    evidence.add(lf);
                    sawDeferred = true;
                }
            }
            if (notChecked && !sawPass && !sawProblem) {
                continue;
            }
            read++;
            if (!sawPass && !sawProblem) {
                if (sawDeferred) {
                    passes.add(leg.label(), "the fault seen here is counted once, by " + deferredTo() + ".");
                } else if (pass.isEmpty()) {
                    String note = passNote(leg, hop);
                    passes.add(leg.label(), note == null ? "no problem found." : note);
                } else {
                    notRun.add(leg.label() + ": the rule recorded nothing on the " + hop.artifact().kind().label() + ".");
                    read--;
                }
            }
        }
        if (firstFail != null) {
            return ModuleVerdict.fail(sentence(firstFail), evidence);
        }
        if (firstWarn != null) {
            return ModuleVerdict.warn(sentence(firstWarn), evidence);
        }
        if (read == 0) {
            return new ModuleVerdict(Outcome.NOT_RUN, notRun.isEmpty() ? "Nothing to judge." : String.join(" ", notRun), evidence);
        }
        if (!notRun.isEmpty()) {
            // A requirement is met only when every sign-in it names was judged: a pass in some is not a pass.
            return new ModuleVerdict(Outcome.NOT_RUN, "Not judged: " + String.join(" ", notRun) + " Judged: " + passes, evidence);
        }
        return ModuleVerdict.pass(passes.toString(), evidence);
    }

    static String sentence(LegFinding f) {
        return f.leg() + ": " + f.finding().message();
    }

    /** All legs a federated plan drives. */
    protected static final Set<LegName> FEDERATED_LEGS = EnumSet.of(LegName.NO_STEP_UP, LegName.STEP_UP, LegName.FRESH);
    /** The legs in which Entra asks for MFA. */
    protected static final Set<LegName> STEP_UP_LEGS = EnumSet.of(LegName.STEP_UP, LegName.FRESH);
}
