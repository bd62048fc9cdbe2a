package org.mfaharness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.fuzz.gen.Gen.weight;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfaharness.fuzz.gen.Gen;
import org.mfaharness.fuzz.gen.Property;
import org.mfaharness.testing.Tokens;
import org.mfaharness.verify.MfaReading;
import org.mfaharness.verify.Verdict;
import org.mfaharness.verify.chain.ChainJudgement;

/**
 * The MFA reading of an Entra token is PRESENT exactly when {@code amr} is an undisputed JSON array of strings one
 * of whose elements is exactly {@code "mfa"}: near misses ({@code MFA}, {@code wiaormfa}, {@code ngcmfa},
 * {@code nomfa}, {@code " mfa"}, {@code "mfa "}, ...) never count, a string {@code "mfa"} or an array with non-string
 * elements is not PRESENT, nor is a duplicated {@code amr} member. The reading comes from the content whatever the
 * trust; a verified token PASSes only when the reading is PRESENT, an unverified one never PASSes.
 */
class AmrReadsMfaOnlyForTheExactElementProperties {
    static final List<String> VOCABULARY = List.of("mfa", "MFA", "Mfa", "wiaormfa", "ngcmfa", "nomfa", "pwd", "rsa", " mfa", "mfa ",
            "mfa\u0000", "\u200bmfa", "otp", "fido", "wia", "kba", "multipleauthn", "");

    @Test
    void presentOnlyWhenAnElementIsExactlyMfa() {
        Property.tries(450).seed(20261251).forAll(amr(), amr -> {
            String token = Tokens.entra(Tokens.partnerCenterAccessToken(amr));
            boolean exact = amr.contains("mfa");
            ChainJudgement trusted = Engine.judge(token, Engine.TRUSTING);
            assertThat(trusted.mfa() == MfaReading.PRESENT).as("PRESENT for amr %s (trusted)", amr).isEqualTo(exact);
            assertThat(trusted.verdict() == Verdict.PASS).as("PASS for amr %s (trusted)", amr).isEqualTo(exact);
            ChainJudgement untrusted = Engine.judge(token, Engine.UNTRUSTED);
            assertThat(untrusted.mfa() == MfaReading.PRESENT).as("PRESENT for amr %s (no JWKS)", amr).isEqualTo(exact);
            assertThat(untrusted.verdict()).as("verdict for amr %s (no JWKS)", amr).isNotEqualTo(Verdict.PASS);
        });
    }

    @Test
    void neverPresentWhenAmrIsNotAnUndisputedArrayOfStrings() {
        Property.tries(450).seed(20261252).forAll(malformedAmr(), amrMembers -> {
            String token = Rs256.signRaw(Rs256.ENTRA_HEADER, Rs256.claimsWith(List.of(amrMembers)));
            ChainJudgement j = Engine.judge(token, Engine.TRUSTING);
            assertThat(j.mfa()).as("reading for %s", amrMembers).isNotEqualTo(MfaReading.PRESENT);
            assertThat(j.verdict()).as("verdict for %s", amrMembers).isNotEqualTo(Verdict.PASS);
        });
    }

    static Gen<List<String>> amr() {
        return Gen.of(VOCABULARY).list(0, 5);
    }

    /** amr members that must not read as MFA: wrong types, mixed arrays, duplicated members, wrong member names. */
    static Gen<String> malformedAmr() {
        Gen<String> element = Gen.frequency(
                weight(3, Gen.of(VOCABULARY).map(Inputs::jsonString)),
                weight(1, Gen.of("1", "null", "true", "{\"mfa\":1}", "[\"mfa\"]", "1e309")));
        Gen<String> mixed = element.list(1, 4)
                .filter(l -> l.stream().anyMatch(e -> !e.startsWith("\"")))
                .map(l -> {
                    List<String> m = new ArrayList<>(l);
                    m.add("\"mfa\"");
                    java.util.Collections.rotate(m, l.size() % m.size());
                    return "\"amr\":[" + String.join(",", m) + "]";
                });
        Gen<String> scalar = Gen.of("\"amr\":\"mfa\"", "\"amr\":\"[\\\"mfa\\\"]\"", "\"amr\":{\"0\":\"mfa\"}", "\"amr\":null",
                "\"amr\":1", "\"amr\":[[\"mfa\"]]", "\"AMR\":[\"mfa\"]", "\"amr \":[\"mfa\"]", "\"acr\":\"mfa\"", "\"amr\":\"pwd mfa\"");
        Gen<String> duplicated = Gen.of(VOCABULARY).list(0, 3)
                .map(l -> "\"amr\":" + array(l) + ",\"amr\":[\"mfa\"]");
        Gen<String> duplicatedFirst = Gen.of(VOCABULARY).list(0, 3)
                .map(l -> "\"amr\":[\"mfa\"],\"amr\":" + array(l));
        return Gen.frequency(weight(3, mixed), weight(2, scalar), weight(2, duplicated), weight(2, duplicatedFirst));
    }

    private static String array(List<String> l) {
        return "[" + String.join(",", l.stream().map(Inputs::jsonString).toList()) + "]";
    }
}
