package org.mfaharness.testing;

import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.MfaBy;
import org.mfaharness.verify.MfaReading;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.Severity;
import org.mfaharness.verify.Verdict;
import org.mfaharness.verify.chain.ChainJudgement;

/** Fluent assertions on judgements: {@code assertThat(j).hasVerdict(FAIL).hasMfa(ABSENT).hasFinding(WSF_NO_MFA_CLAIM)}. */
public final class JudgementAssert extends AbstractAssert<JudgementAssert, JudgementAssert.Subject> {

    /** An artifact or a chain judgement, seen the same way. */
    public record Subject(Verdict verdict, MfaReading mfa, MfaBy mfaBy, List<Finding> findings, String describe) {
    }

    private JudgementAssert(Subject actual) {
        super(actual, JudgementAssert.class);
    }

    public static JudgementAssert assertThat(ArtifactJudgement j) {
        return new JudgementAssert(new Subject(j.verdict(), j.mfa(), null, j.findings(), describe(j.findings())));
    }

    /** Asserts on a chain: its verdict, reading and attribution, over hop and chain findings together. */
    public static JudgementAssert assertThat(ChainJudgement c) {
        List<Finding> all = new java.util.ArrayList<>(c.findings());
        c.hops().forEach(h -> all.addAll(h.findings()));
        return new JudgementAssert(new Subject(c.verdict(), c.mfa(), c.mfaBy(), all, describe(all)));
    }

    public JudgementAssert hasVerdict(Verdict v) {
        if (actual.verdict() != v) {
            failWithMessage("expected verdict %s but was %s; findings:%n%s", v, actual.verdict(), actual.describe());
        }
        return this;
    }

    public JudgementAssert hasMfa(MfaReading m) {
        if (actual.mfa() != m) {
            failWithMessage("expected MFA reading %s but was %s; findings:%n%s", m, actual.mfa(), actual.describe());
        }
        return this;
    }

    public JudgementAssert hasMfaBy(MfaBy by) {
        if (actual.mfaBy() != by) {
            failWithMessage("expected mfaBy %s but was %s; findings:%n%s", by, actual.mfaBy(), actual.describe());
        }
        return this;
    }

    public JudgementAssert hasFinding(ReasonCode code) {
        if (actual.findings().stream().noneMatch(f -> f.code().equals(code.name()))) {
            failWithMessage("expected a finding %s; findings:%n%s", code, actual.describe());
        }
        return this;
    }

    public JudgementAssert hasFinding(ReasonCode code, Severity severity) {
        if (actual.findings().stream().noneMatch(f -> f.code().equals(code.name()) && f.severity() == severity)) {
            failWithMessage("expected a finding %s with severity %s; findings:%n%s", code, severity, actual.describe());
        }
        return this;
    }

    /** Asserts a finding whose evidence value equals {@code value}. */
    public JudgementAssert hasFindingWithValue(ReasonCode code, String value) {
        if (actual.findings().stream().noneMatch(f -> f.code().equals(code.name()) && value.equals(f.evidence().value()))) {
            failWithMessage("expected a finding %s with evidence value %s; findings:%n%s", code, value, actual.describe());
        }
        return this;
    }

    public JudgementAssert hasNoFinding(ReasonCode code) {
        if (actual.findings().stream().anyMatch(f -> f.code().equals(code.name()))) {
            failWithMessage("expected no finding %s; findings:%n%s", code, actual.describe());
        }
        return this;
    }

    public JudgementAssert hasNotChecked(ReasonCode rule) {
        if (actual.findings().stream().noneMatch(f -> f.code().equals("NOT_CHECKED") && f.evidence().path().equals(rule.name())
                && f.severity() == Severity.INFO)) {
            failWithMessage("expected an INFO not-checked for %s; findings:%n%s", rule, actual.describe());
        }
        return this;
    }

    private static String describe(List<Finding> fs) {
        return fs.stream().map(f -> "  " + f.severity() + " " + f.code() + " — " + f.message()).collect(Collectors.joining("\n"));
    }
}
