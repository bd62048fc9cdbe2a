package org.mfaharness.verify;

/**
 * One rule. A check reads what it needs from {@code subject}, returns early with {@link Findings#notChecked} when
 * its context is unknown, and otherwise records at least one finding with evidence. Checks are stateless and
 * thread-safe.
 *
 * @param <T> what the rule looks at (an artifact, or a part of one such as an assertion)
 */
@FunctionalInterface
public interface Check<T> {
    void evaluate(T subject, JudgeContext ctx, Findings out);
}
