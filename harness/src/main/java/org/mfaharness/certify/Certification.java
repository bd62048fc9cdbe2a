package org.mfaharness.certify;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one certification run: what was certified against which plan, each module's result, and the
 * overall line. Immutable.
 *
 * @param plan           the plan's name
 * @param planTitle      the plan's title
 * @param planVersion    the plan's version
 * @param product        the product certified (the --product name, else the metadata's entityID or issuer)
 * @param target         the metadata file or URL the run started from
 * @param cloud          the cloud the harness played Entra for
 * @param startedAt      when the run started
 * @param finishedAt     when it finished
 * @param results        each module's result, in plan order
 * @param overall        the overall line
 * @param notes          plain statements about the run (e.g. why live modules could not run, where the stand-in
 *                       Entra's keys were published)
 * @param harnessVersion the mfa-harness version
 */
public record Certification(String plan, String planTitle, String planVersion, String product, String target, String cloud,
                            Instant startedAt, Instant finishedAt, List<ModuleResult> results, Overall overall,
                            List<String> notes, String harnessVersion) {
    public Certification {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    /** Counts of each outcome. */
    public long count(Outcome o) {
        return results.stream().filter(r -> r.outcome() == o).count();
    }

    /** The modules that did not pass, as {@code Module=OUTCOME}, sorted: what the lab acceptance compares. */
    public List<String> nonPassing() {
        return results.stream().filter(r -> r.outcome() != Outcome.PASS).map(r -> r.name() + "=" + r.outcome()).sorted().toList();
    }
}
