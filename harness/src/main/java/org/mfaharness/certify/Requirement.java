package org.mfaharness.certify;

import java.util.Objects;

/**
 * One documented rule a module checks.
 *
 * @param id     a stable id, e.g. {@code SPEC-1a-AUTHNMETHOD} (section of docs/spec/mfa-claims.md, then the rule);
 *               {@code BP-…} marks best practice rather than a documented requirement
 * @param text   the rule in one sentence
 * @param source where it is written down (an http(s) URL, or a path into the repository's docs)
 */
public record Requirement(String id, String text, String source) {
    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
