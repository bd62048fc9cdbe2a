package org.mfaharness.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The findings of one artifact, in the order the checks made them. Not thread-safe: one per judgement. */
public final class Findings {
    private final List<Finding> list = new ArrayList<>();

    /** Adds a finding. */
    public Finding add(Finding f) {
        list.add(f);
        return f;
    }

    /** Adds a finding for {@code code} with its default severity, remediation and source. */
    public Finding add(ReasonCode code, String message, Evidence evidence) {
        return add(Finding.of(code, message, evidence));
    }

    /**
     * Records that {@code rule} did not run because its context is unknown: an INFO, never a WARN.
     *
     * @param missing what is missing, completing "Not checked: …", e.g. "no AuthnRequest was captured"
     */
    public Finding notChecked(ReasonCode rule, String missing) {
        return add(new Finding(ReasonCode.NOT_CHECKED.name(), Severity.INFO,
                "Not checked (" + rule.name() + "): " + missing + ".",
                Evidence.at(rule.name(), null), ReasonCode.NOT_CHECKED.remediation(), rule.source()));
    }

    public boolean has(ReasonCode code) {
        return list.stream().anyMatch(f -> f.code().equals(code.name()));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Finding> list() {
        return Collections.unmodifiableList(list);
    }
}
