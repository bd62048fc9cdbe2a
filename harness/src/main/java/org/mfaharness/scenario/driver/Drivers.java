package org.mfaharness.scenario.driver;

import java.util.ArrayList;
import java.util.List;

/** The built-in drivers, in the order a {@link SignInSession} asks them. */
public final class Drivers {
    private Drivers() {
    }

    /**
     * Entra first (its pages come first and last in every flow, and its one-time-code and device-code boxes must not
     * be taken by the generic responder), then AD FS, the Okta-style SAML IdP, and last the generic
     * {@link TotpResponder}, whose heuristics are the loosest.
     */
    public static List<SignInDriver> defaults() {
        return List.of(new EntraSignInDriver(), new AdfsFormsDriver(), new OktaSignInDriver(), new TotpResponder());
    }

    /** A scenario's declarative steps first, then {@link #defaults()}. */
    public static List<SignInDriver> withSteps(DeclarativeDriver steps) {
        List<SignInDriver> all = new ArrayList<>();
        all.add(steps);
        all.addAll(defaults());
        return List.copyOf(all);
    }
}
