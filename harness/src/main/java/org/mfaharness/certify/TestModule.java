package org.mfaharness.certify;

import java.util.List;

/**
 * One assertion of a plan, named for what it asserts ({@code AudienceIsMicrosoftOnline}). A module reads the
 * evidence of a run — the metadata, and the artifacts each sign-in captured as judged by the verdict engine — and
 * concludes on its requirement; severity is the plan's choice. Modules are stateless and thread-safe.
 */
public interface TestModule {
    /** The module's name: its class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** A short title for people. */
    String displayName();

    /** What passes, in prose. */
    String summary();

    /** The rules it checks. */
    List<Requirement> requirements();

    /** Concludes on the run's evidence. */
    ModuleVerdict evaluate(CertificationEvidence evidence);
}
