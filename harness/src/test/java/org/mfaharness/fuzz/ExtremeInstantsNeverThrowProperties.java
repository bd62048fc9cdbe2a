package org.mfaharness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.fuzz.gen.Gen.weight;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.Origin;
import org.mfaharness.fuzz.gen.Gen;
import org.mfaharness.fuzz.gen.Property;
import org.mfaharness.testing.Saml2Builder;
import org.mfaharness.testing.WsFedBuilder;
import org.mfaharness.verify.MfaReading;
import org.mfaharness.verify.Verdict;

/**
 * Time values at and beyond the ends of {@link java.time.Instant}'s range — in an assertion's NotBefore,
 * NotOnOrAfter and SubjectConfirmationData, and in a token's {@code exp}, {@code nbf} and {@code iat} (as
 * {@code 1e308}, {@code -1e400}, 30-digit integers, {@code Long.MAX_VALUE}) — are judged, never thrown: adding the
 * clock skew to the largest instant must not overflow. (Found by {@link JwtShapedInputsNeverThrowProperties}:
 * {@code "exp":1e308} threw {@code DateTimeException}.)
 *
 * <p>The assertion times and the never-expiring {@code exp} values are few enough to try every combination.
 */
class ExtremeInstantsNeverThrowProperties {
    static final List<String> XML_TIMES = List.of("+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59-18:00",
            "-999999999-01-01T00:00:00+18:00", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
            "2026-02-30T00:00:00Z", "2026-01-01T00:00:00", "2026-01-01T24:00:00Z", "2026-01-01T00:00:00.9999999999Z", "");
    static final List<String> ATTRIBUTES = List.of("NotBefore", "NotOnOrAfter", "IssueInstant", "AuthenticationInstant", "AuthnInstant");
    static final List<String> HUGE = List.of("1e308", "1e20", "9223372036854775807", "9223372036854775808",
            "123456789012345678901234567890", "31556889864403199", "18446744073709551616");

    /** One time in one attribute of an unsigned SAML 2.0 Response or WS-Fed RSTR. */
    record TimeEdit(String time, String attribute, boolean saml2) {
    }

    @Test
    void extremeInstantsInAssertions() {
        List<TimeEdit> every = new ArrayList<>();
        for (String time : XML_TIMES) {
            for (String attribute : ATTRIBUTES) {
                every.add(new TimeEdit(time, attribute, false));
                every.add(new TimeEdit(time, attribute, true));
            }
        }
        String saml2 = Saml2Builder.response().classRefs(Corpus.MFA).unsigned().build();
        String rstr = WsFedBuilder.rstr().authenticationMethod(Corpus.MFA).unsigned().build();
        Property.forEachCase(every, e -> {
            String xml = e.saml2() ? saml2 : rstr;
            String edited = xml.replaceAll(e.attribute() + "=\"[^\"]*\"", e.attribute() + "=\"" + e.time() + "\"");
            Engine.judge(edited, Engine.TRUSTING);
        });
    }

    @Test
    void extremeInstantsInTokens() {
        Origin eamHop = new Origin(1, null, "POST", "https://login.microsoftonline.com" + ArtifactDetector.EAM_REDIRECT_PATH, null,
                "request");
        Property.tries(300).seed(20261262).forAll(numbers(), numbers(), numbers(), (exp, nbf, iat) -> {
            String claims = Rs256.claimsWith(List.of()).replaceAll("\"(iat|nbf|exp)\":-?\\d+,?", "").replace(",}", "}")
                    .replaceFirst("\\{", "{\"exp\":" + exp + ",\"nbf\":" + nbf + ",\"iat\":" + iat + ",\"amr\":[\"mfa\"],");
            String token = Rs256.signRaw(Rs256.ENTRA_HEADER, claims);
            Engine.judge(token, Engine.TRUSTING);
            Engine.judge("id_token=" + token, eamHop, Engine.TRUSTING);
        });
    }

    @Test
    void aTokenThatNeverExpiresIsStillJudgedOnItsClaims() {
        Property.forEachCase(HUGE, exp -> {
            String claims = Rs256.claimsWith(List.of("\"amr\":[\"mfa\"]")).replaceFirst("\"exp\":\\d+", "\"exp\":" + exp);
            var j = Engine.judge(Rs256.signRaw(Rs256.ENTRA_HEADER, claims), Engine.TRUSTING);
            assertThat(j.mfa()).as("MFA reading of a signed mfa token with exp %s", exp).isEqualTo(MfaReading.PRESENT);
            assertThat(j.verdict()).as("verdict of a signed mfa token with exp %s", exp).isEqualTo(Verdict.PASS);
        });
    }

    static Gen<String> numbers() {
        return Gen.frequency(
                weight(3, Gen.of(Inputs.EDGE_NUMBERS)),
                weight(1, Gen.longs().map(String::valueOf)),
                weight(1, Gen.of("\"1700000000\"", "null", "[]", "{}", "true")));
    }
}
