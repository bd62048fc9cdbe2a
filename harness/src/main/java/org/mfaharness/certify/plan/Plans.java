package org.mfaharness.certify.plan;

import java.util.List;
import java.util.Optional;
import org.mfaharness.certify.TestPlan;

/** The built-in plans. */
public final class Plans {
    public static final List<TestPlan> ALL = List.of(new WsFedPlan(), new Saml2Plan(), new EamPlan());

    private Plans() {
    }

    /** The plan of that name ({@code wsfed}, {@code saml2}, {@code eam}). */
    public static Optional<TestPlan> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
