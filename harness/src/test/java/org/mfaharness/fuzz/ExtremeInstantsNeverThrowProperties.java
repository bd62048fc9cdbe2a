package org.mfaharness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.mfaharness.testing.Saml2Builder;
import org.mfaharness.testing.WsFedBuilder;
import org.mfaharness.verify.Verdict;

/**
 * Time values at and beyond the ends of {@link java.time.Instant}'s range — in an assertion's NotBefore,
 * NotOnOrAfter and SubjectConfirmationData, and in a token's {@code exp}, {@code nbf} and {@code iat} (as
 * {@code 1e308}, {@code -1e400}, 30-digit integers, {@code Long.MAX_VALUE}) — are judged, never thrown: adding the
 * clock skew to the largest instant must not overflow. (Found by {@link JwtShapedInputsNeverThrowProperties}:
 * {@code "exp":1e308} threw {@code DateTimeException}.)
 */
class ExtremeInstantsNeverThrowProperties {
    static final List<String> XML_TIMES = List.of("+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59-18:00",
            "-999999999-01-01T00:00:00+18:00", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
            "2026-02-30T00:00:00Z", "2026-01-01T00:00:00", "2026-01-01T24:00:00Z", "2026-01-01T00:00:00.9999999999Z", "");

    @Property(tries = 200, seed = "20261261")
    void extremeInstantsInAssertions(@ForAll("xmlTimes") String time, @ForAll("attribute") String attribute,
                                     @ForAll boolean saml2) {
        String xml = saml2 ? Saml2Builder.response().classRefs(Corpus.MFA).unsigned().build()
                : WsFedBuilder.rstr().authenticationMethod(Corpus.MFA).unsigned().build();
        String edited = xml.replaceAll(attribute + "=\"[^\"]*\"", attribute + "=\"" + time + "\"");
        Engine.judge(edited, Engine.TRUSTING);
    }

    @Property(tries = 300, seed = "20261262")
    void extremeInstantsInTokens(@ForAll("numbers") String exp, @ForAll("numbers") String nbf, @ForAll("numbers") String iat) {
        String claims = Rs256.claimsWith(List.of()).replaceAll("\"(iat|nbf|exp)\":-?\\d+,?", "").replace(",}", "}")
                .replaceFirst("\\{", "{\"exp\":" + exp + ",\"nbf\":" + nbf + ",\"iat\":" + iat + ",\"amr\":[\"mfa\"],");
        String token = Rs256.signRaw(Rs256.ENTRA_HEADER, claims);
        Engine.judge(token, Engine.TRUSTING);
        Engine.judge("id_token=" + token, new org.mfaharness.artifact.Origin(1, null, "POST",
                "https://login.microsoftonline.com" + org.mfaharness.artifact.ArtifactDetector.EAM_REDIRECT_PATH, null, "request"),
                Engine.TRUSTING);
    }

    @Property(tries = 50, seed = "20261263")
    void aTokenThatNeverExpiresIsStillJudgedOnItsClaims(@ForAll("huge") String exp) {
        String claims = Rs256.claimsWith(List.of("\"amr\":[\"mfa\"]")).replaceFirst("\"exp\":\\d+", "\"exp\":" + exp);
        var j = Engine.judge(Rs256.signRaw(Rs256.ENTRA_HEADER, claims), Engine.TRUSTING);
        assertThat(j.mfa()).as("MFA reading of a signed mfa token with exp %s", exp).isEqualTo(org.mfaharness.verify.MfaReading.PRESENT);
        assertThat(j.verdict()).as("verdict of a signed mfa token with exp %s", exp).isEqualTo(Verdict.PASS);
    }

    @Provide
    Arbitrary<String> xmlTimes() {
        return Arbitraries.of(XML_TIMES);
    }

    @Provide
    Arbitrary<String> attribute() {
        return Arbitraries.of("NotBefore", "NotOnOrAfter", "IssueInstant", "AuthenticationInstant", "AuthnInstant");
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(Inputs.EDGE_NUMBERS)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("\"1700000000\"", "null", "[]", "{}", "true")));
    }

    @Provide
    Arbitrary<String> huge() {
        return Arbitraries.of("1e308", "1e20", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890",
                "31556889864403199", "18446744073709551616");
    }
}
