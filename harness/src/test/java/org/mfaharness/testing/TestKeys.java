package org.mfaharness.testing;

import java.time.Duration;
import java.time.Instant;
import org.mfaharness.lab.sign.SigningKey;

/** Signing keys made once per test JVM (RSA-2048 costs ~100 ms each). */
public final class TestKeys {
    /** The federated IdP's token-signing key (pinned in tests with --trust-cert). */
    public static final SigningKey IDP = SigningKey.generate("adfs-signing.fabrikam.test", Duration.ofDays(365));
    /** Another key nobody pinned: "wrong key". */
    public static final SigningKey OTHER = SigningKey.generate("attacker.test", Duration.ofDays(365));
    /** An IdP key whose certificate expired a year ago. */
    public static final SigningKey EXPIRED = SigningKey.generate("expired-signing.fabrikam.test",
            Instant.now().minus(Duration.ofDays(800)), Instant.now().minus(Duration.ofDays(365)));
    /** Entra's token-signing key (published in a test JWKS). */
    public static final SigningKey ENTRA = SigningKey.generate("accounts.accesscontrol.windows.net", Duration.ofDays(365));
    /** An EAM provider's key. */
    public static final SigningKey EAM = SigningKey.generate("eam.contoso-mfa.test", Duration.ofDays(365));

    private TestKeys() {
    }
}
