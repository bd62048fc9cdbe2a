package org.mfaharness.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.mfaharness.proxy.har.HarReader;
import org.mfaharness.proxy.har.HarWriter;
import org.mfaharness.proxy.redact.RedactionPolicy;
import org.mfaharness.proxy.redact.Redactor;

/**
 * Copies a HAR (often a browser export full of cookies and passwords) entry by entry through the proxy's redactor,
 * so a run folder or evidence bundle built from it holds no secret.
 */
final class RedactedHar {
    private RedactedHar() {
    }

    static void copy(Path from, Path to) throws IOException {
        Redactor redactor = new Redactor(RedactionPolicy.defaults());
        try (HarReader r = HarReader.open(from); HarWriter w = HarWriter.create(to, "mfa-harness", VersionProvider.version())) {
            while (r.hasNext()) {
                w.onExchange(redactor.apply(r.next()));
            }
            w.flush();
        }
    }
}
