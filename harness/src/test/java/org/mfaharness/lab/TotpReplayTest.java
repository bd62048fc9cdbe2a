package org.mfaharness.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mfaharness.lab.web.OtpVerifier;
import org.mfaharness.totp.Totp;

/**
 * TOTP as real servers do it: a ±1 step window, and a replay cache per party: a code a party accepted once is
 * refused the second time by that party, while another party (another verifier) still accepts it.
 */
class TotpReplayTest {
    static final String SEED = "JBSWY3DPEHPK3PXP";
    static final Instant T = Instant.parse("2026-01-01T00:00:15Z");

    @Test
    void aCodeIsAcceptedOnceByAPartyAndThenRefusedAsReplayed() {
        OtpVerifier idp = new OtpVerifier(Clock.fixed(T, ZoneOffset.UTC));
        String code = Totp.fromBase32(SEED).codeAt(T);
        assertThat(idp.verify("u", SEED, code)).isEqualTo(OtpVerifier.Result.ACCEPTED);
        assertThat(idp.verify("u", SEED, code)).isEqualTo(OtpVerifier.Result.REPLAYED);
    }

    @Test
    void anotherPartyKeepsItsOwnCache() {
        OtpVerifier idp = new OtpVerifier(Clock.fixed(T, ZoneOffset.UTC));
        OtpVerifier entra = new OtpVerifier(Clock.fixed(T, ZoneOffset.UTC));
        String code = Totp.fromBase32(SEED).codeAt(T);
        assertThat(idp.verify("u", SEED, code)).isEqualTo(OtpVerifier.Result.ACCEPTED);
        assertThat(entra.verify("u", SEED, code)).isEqualTo(OtpVerifier.Result.ACCEPTED);
    }

    @Test
    void theWindowIsOneStepEitherWay() {
        OtpVerifier v = new OtpVerifier(Clock.fixed(T, ZoneOffset.UTC));
        Totp t = Totp.fromBase32(SEED);
        assertThat(v.verify("u", SEED, t.codeAt(T.minusSeconds(30)))).isEqualTo(OtpVerifier.Result.ACCEPTED);
        assertThat(v.verify("u", SEED, t.codeAt(T.plusSeconds(30)))).isEqualTo(OtpVerifier.Result.ACCEPTED);
        assertThat(v.verify("u", SEED, t.codeAt(T.plusSeconds(60)))).isEqualTo(OtpVerifier.Result.WRONG);
        assertThat(v.verify("u", SEED, t.codeAt(T.minusSeconds(60)))).isEqualTo(OtpVerifier.Result.WRONG);
        assertThat(v.verify("u", SEED, "12345")).isEqualTo(OtpVerifier.Result.WRONG);
    }

    @Test
    void entraRefusesACodeReplayedAtItsOwnPromptAndAcceptsTheNextOne() {
        try (Lab lab = Lab.builder().start()) {
            LabUser u = lab.user("otp@managed.lab.test").orElseThrow();
            // First sign-in uses the current code at Entra's SAS prompt.
            LabSignIn.Outcome first = LabSignIn.interactive(lab, u, LabSignIn.PC_SCOPE);
            assertThat(first.code()).isPresent();
            String used = first.hops().stream().filter(h -> h.path().equals("/common/SAS/EndAuth"))
                    .map(h -> h.form().get("otc")).reduce((a, b) -> b).orElseThrow();
            // A second sign-in within the same step: the same code is refused as replayed, the next step's accepted.
            LabSignIn.Outcome second = LabSignIn.interactive(lab, u, LabSignIn.PC_SCOPE);
            var endAuths = second.hops().stream().filter(h -> h.path().equals("/common/SAS/EndAuth")).toList();
            assertThat(second.code()).isPresent();
            if (endAuths.size() == 2) {
                assertThat(endAuths.get(0).form().get("otc")).isEqualTo(used);
                assertThat(endAuths.get(1).form().get("otc")).isNotEqualTo(used);
            } else {
                // The 30-second step rolled over between the two sign-ins: the fresh code was accepted at once.
                assertThat(endAuths).hasSize(1);
                assertThat(endAuths.get(0).form().get("otc")).isNotEqualTo(used);
            }
        }
    }
}
