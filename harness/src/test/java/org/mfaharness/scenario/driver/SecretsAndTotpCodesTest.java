package org.mfaharness.scenario.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfaharness.totp.Totp;

/** Secrets never show themselves; TOTP codes per party follow the servers' ±1 window and replay caches. */
class SecretsAndTotpCodesTest {
    static final String SEED = Totp.randomBase32Seed(new SecureRandom());
    // 15 s into a time step, so "now" and "now + 1" are both inside the servers' window.
    static final Instant T = Instant.ofEpochSecond(1_700_000_010L);
    static final Clock FIXED = Clock.fixed(T, ZoneOffset.UTC);

    @Test
    void aSecretAndAContextNeverPrintTheirValues() {
        Secret s = Secret.of("hunter2-password");
        SignInContext ctx = SignInContext.builder().upn(Secret.of("a@b.example")).password(s)
                .totpSeed(Secret.of(SEED)).build();

        assertThat(s).hasToString("Secret[redacted]");
        assertThat(s.reveal()).isEqualTo("hunter2-password");
        assertThat(ctx.toString()).doesNotContain("hunter2", "a@b.example", SEED)
                .isEqualTo("SignInContext[upn set, password set, TOTP seed set, secrets redacted]");
        assertThatThrownBy(() -> Secret.of("")).hasMessage("a secret must not be empty");
    }

    @Test
    void progressLinesAreRedactedOfEverySecretAndEveryCodeHandedOut() {
        List<String> lines = new ArrayList<>();
        SignInContext ctx = SignInContext.builder().upn(Secret.of("megan@fabrikam.example"))
                .password(Secret.of("hunter2-password")).totpSeed(Secret.of(SEED)).clock(FIXED).progress(lines::add)
                .build();
        String code = ctx.totp().orElseThrow().next("https://idp", Duration.ZERO).value().reveal();

        ctx.progress("user megan@fabrikam.example typed hunter2-password and " + code + " with seed " + SEED);

        assertThat(lines).containsExactly("user [redacted] typed [redacted] and [redacted] with seed [redacted]");
    }

    @Test
    void aRedirectPrefixIsReachedOnlyAtOrBelowIt() {
        assertThat(Until.atOrBelow("http://localhost:5123/?code=x", "http://localhost:5123")).isTrue();
        assertThat(Until.atOrBelow("http://localhost:5123", "http://localhost:5123")).isTrue();
        assertThat(Until.atOrBelow("http://localhost:51234/?code=x", "http://localhost:5123")).isFalse();
        assertThat(Until.atOrBelow("http://127.0.0.1:9/app/callback?code=x", "http://127.0.0.1:9/app/callback")).isTrue();
        assertThat(Until.atOrBelow("http://127.0.0.1:9/app/callbacks", "http://127.0.0.1:9/app/callback")).isFalse();
        assertThat(Until.redirectUriOf("https://login.example/common/oauth2/v2.0/authorize?client_id=c"
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A5123&scope=s").description())
                .isEqualTo("the browser reached http://localhost:5123");
    }

    @Test
    void aBadSeedIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> SignInContext.builder().totpSeed(Secret.of("NOT-BASE32-!!")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the TOTP seed is not Base32: ").hasMessageNotContaining("NOT-BASE32");
    }

    @Test
    void eachPartyGetsTheCurrentCodeFirstAndTheNextStepsCodeWhenItAsksAgain() {
        SignInContext ctx = SignInContext.builder().totpSeed(Secret.of(SEED)).clock(FIXED).build();
        TotpCodes codes = ctx.totp().orElseThrow();
        Totp totp = Totp.fromBase32(SEED);
        long now = totp.counterAt(T);

        TotpCodes.Code idpFirst = codes.next("https://adfs.example", Duration.ZERO);
        TotpCodes.Code entra = codes.next("https://login.example", Duration.ZERO);
        TotpCodes.Code idpAgain = codes.next("https://adfs.example", Duration.ZERO);

        assertThat(idpFirst.value().reveal()).isEqualTo(totp.codeForCounter(now));
        assertThat(idpFirst.nextStep()).isFalse();
        assertThat(entra.value().reveal()).as("another party's replay cache is its own").isEqualTo(totp.codeForCounter(now));
        assertThat(idpAgain.value().reveal()).isEqualTo(totp.codeForCounter(now + 1));
        assertThat(idpAgain.describe()).isEqualTo("the next time step's TOTP code");
        assertThat(idpAgain.toString()).doesNotContain(idpAgain.value().reveal());
        assertThat(totp.matchingCounter(idpAgain.value().reveal(), T, TotpCodes.ACCEPTED_DRIFT_STEPS))
                .as("the next step's code is inside the servers' window").isEqualTo(now + 1);
    }

    @Test
    void whenBothAcceptableCodesAreUsedItWaitsForTheNextStepBoundary() {
        // A running clock half a second before a step boundary, so the wait is short but real.
        Instant real = Instant.now();
        long secondsIntoStep = Math.floorMod(real.getEpochSecond(), 30);
        Instant target = Instant.ofEpochSecond(real.getEpochSecond() - secondsIntoStep + 30).minusMillis(500);
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(real, target));
        SignInContext ctx = SignInContext.builder().totpSeed(Secret.of(SEED)).clock(clock).build();
        TotpCodes codes = ctx.totp().orElseThrow();
        Totp totp = Totp.fromBase32(SEED);
        long before = totp.counterAt(clock.instant());
        codes.next("https://eam.example", Duration.ZERO);
        codes.next("https://eam.example", Duration.ZERO);

        long start = System.nanoTime();
        TotpCodes.Code third = codes.next("https://eam.example", Duration.ofSeconds(31));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(totp.counterAt(clock.instant())).as("it waited into the next time step").isEqualTo(before + 1);
        assertThat(waited).isBetween(Duration.ofMillis(100), Duration.ofSeconds(2));
        assertThat(third.value().reveal()).isEqualTo(totp.codeForCounter(before + 2));
        assertThat(third.nextStep()).isTrue();
    }
}
