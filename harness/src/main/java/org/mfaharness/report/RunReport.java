package org.mfaharness.report;

import java.nio.file.Path;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.TrustMaterial;

/**
 * Everything a run folder is rendered from.
 *
 * @param run        the run's metadata
 * @param judgement  the chain judgement
 * @param trust      the trust material used (kept so the run can be re-judged)
 * @param har        the redacted capture, or null when the run captured nothing
 * @param millis     how long the run took
 */
public record RunReport(RunInfo run, ChainJudgement judgement, TrustMaterial trust, Path har, long millis) {
    /** Whether signatures are stripped from the machine files ({@code --share}). */
    public boolean share() {
        return "share".equals(run.redaction());
    }
}
