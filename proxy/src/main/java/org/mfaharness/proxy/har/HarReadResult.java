package org.mfaharness.proxy.har;

import java.util.List;
import java.util.Optional;
import org.mfaharness.proxy.exchange.Exchange;

/**
 * A whole HAR read into memory.
 *
 * @param entries   complete entries in file order
 * @param truncated whether the file ended in the middle
 * @param problem   what went wrong, if anything
 * @param skipped   entries skipped, with the reason
 */
public record HarReadResult(List<Exchange> entries, boolean truncated, Optional<String> problem, List<String> skipped) {
    public HarReadResult {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }
}
