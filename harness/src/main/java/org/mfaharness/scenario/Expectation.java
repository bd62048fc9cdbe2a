package org.mfaharness.scenario;

import java.util.ArrayList;
import java.util.List;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.MfaBy;
import org.mfaharness.verify.MfaReading;
import org.mfaharness.verify.Verdict;
import org.mfaharness.verify.chain.ChainJudgement;

/**
 * What a scenario expects, in the spec glossary's vocabulary; every member is optional.
 *
 * @param verdict the chain verdict
 * @param mfa     the MFA reading ({@code satisfied} reads as PRESENT, {@code absent} as ABSENT)
 * @param mfaBy   who satisfied MFA
 * @param reasons reason codes that must appear among the findings (any hop or the chain)
 * @param aadsts  the AADSTS code the flow must end with
 */
public record Expectation(Verdict verdict, MfaReading mfa, MfaBy mfaBy, List<String> reasons, Integer aadsts) {

    public Expectation {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static Expectation none() {
        return new Expectation(null, null, null, List.of(), null);
    }

    /**
     * The ways a run differs from this expectation; empty when it met it. A token flow that stopped early
     * ({@code flowError} not null) never meets an expectation, except one that names the AADSTS code the flow stopped
     * with ({@code aadsts:}): a scenario without {@code expect:} whose sign-in failed is not met.
     *
     * @param c         the chain judgement of what was captured
     * @param flowError why the token flow stopped early, or null when it finished
     */
    public List<String> mismatches(ChainJudgement c, String flowError) {
        List<String> out = new ArrayList<>();
        if (flowError != null && !expectsError(flowError)) {
            out.add("the flow failed: " + flowError);
        }
        if (verdict != null && c.verdict() != verdict) {
            out.add("verdict " + c.verdict() + ", expected " + verdict);
        }
        if (mfa != null && c.mfa() != mfa) {
            out.add("mfa " + c.mfa() + ", expected " + mfa);
        }
        if (mfaBy != null && c.mfaBy() != mfaBy) {
            out.add("mfaBy " + c.mfaBy().label() + ", expected " + mfaBy.label());
        }
        List<String> codes = new ArrayList<>();
        c.findings().forEach(f -> codes.add(f.code()));
        for (ArtifactJudgement h : c.hops()) {
            h.findings().stream().map(Finding::code).forEach(codes::add);
        }
        for (String r : reasons) {
            if (!codes.contains(r)) {
                out.add("reason " + r + " not found");
            }
        }
        if (aadsts != null) {
            boolean seen = c.hops().stream().anyMatch(h -> h.artifact() instanceof org.mfaharness.artifact.EntraError e
                    && e.codes().contains(aadsts));
            if (!seen) {
                out.add("AADSTS" + aadsts + " not seen");
            }
        }
        return out;
    }

    /** Whether the flow error is the one this expectation asks for: it names the expected AADSTS code. */
    boolean expectsError(String flowError) {
        return aadsts != null && java.util.regex.Pattern.compile("\\bAADSTS" + aadsts + "\\b").matcher(flowError).find();
    }

    /** One line for {@code lab --list}: what the scenario must show, or that it expects only a finished sign-in. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (verdict != null) {
            parts.add("verdict " + verdict);
        }
        if (mfa != null) {
            parts.add("mfa " + mfa);
        }
        if (mfaBy != null) {
            parts.add("mfaBy " + mfaBy.label());
        }
        if (!reasons.isEmpty()) {
            parts.add("reasons " + String.join(", ", reasons));
        }
        if (aadsts != null) {
            parts.add("AADSTS" + aadsts);
        }
        return parts.isEmpty() ? "nothing but finished token flows (no expect:)" : String.join("; ", parts);
    }
}
