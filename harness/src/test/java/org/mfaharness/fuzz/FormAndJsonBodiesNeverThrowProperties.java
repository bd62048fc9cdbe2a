package org.mfaharness.fuzz;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.Origin;

/**
 * Form bodies and query strings with random fields and random percent escapes (broken ones included), carrying
 * real or random artifacts; token-endpoint and Partner Center JSON whose members have random types. Judged as direct
 * input and as a captured hop posted to Entra's EAM endpoint (which changes how id_token and error are read).
 */
class FormAndJsonBodiesNeverThrowProperties {
    private static final Origin EAM_HOP = new Origin(3, Instant.parse("2026-01-01T00:00:00Z"), "POST",
            "https://login.microsoftonline.com" + ArtifactDetector.EAM_REDIRECT_PATH, null, "request");

    @Property(tries = 1200, seed = "20261221")
    void formBodiesWithRandomEscapes(@ForAll("forms") String body) {
        Engine.judge(body, Engine.TRUSTING);
    }

    @Property(tries = 600, seed = "20261222")
    void formBodiesPostedToTheEamEndpoint(@ForAll("forms") String body) {
        Engine.judge(body, EAM_HOP, Engine.TRUSTING);
    }

    @Property(tries = 1200, seed = "20261223")
    void tokenEndpointJsonWithRandomTypes(@ForAll("json") String body) {
        Engine.judge(body, Engine.TRUSTING);
    }

    @Property(tries = 600, seed = "20261224")
    void errorTextWithRandomCodes(@ForAll("errors") String text) {
        Engine.judge(text, Engine.UNTRUSTED);
    }

    /** Artifacts a field may carry: real ones, random JWT-shaped ones, random text. */
    private static Arbitrary<String> artifacts() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(Corpus.JWT_MFA, Corpus.JWT_PWD, Corpus.RSTR_MFA, Inputs.b64(Corpus.SAML2_MFA),
                        Inputs.b64("<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_1\"/>"))),
                Tuple.of(2, Inputs.jwtShaped()),
                Tuple.of(1, Inputs.wordSoup(10)));
    }

    @Provide
    Arbitrary<String> forms() {
        return Inputs.formBody(artifacts());
    }

    @Provide
    Arbitrary<String> json() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Inputs.tokenEndpointJson(artifacts())),
                Tuple.of(1, Inputs.jsonObject()),
                Tuple.of(1, Inputs.jsonValue(3).map(v -> "{" + v)),
                Tuple.of(1, Arbitraries.integers().between(1, 200).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n))));
    }

    @Provide
    Arbitrary<String> errors() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(14);
        return Arbitraries.frequencyOf(
                Tuple.of(3, digits.flatMap(d -> Inputs.syntax(30).map(t -> "AADSTS" + d + ": " + t))),
                Tuple.of(1, digits.map(d -> "{\"error\":\"x\",\"error_description\":\"AADSTS" + d + "\",\"error_codes\":[" + d + "]}")),
                Tuple.of(1, Inputs.syntax(40).map(t -> "MFA required (10001) " + t)),
                Tuple.of(1, Inputs.syntax(40).map(t -> t + " 900421 Unauthorized_MissingMFA")));
    }
}
