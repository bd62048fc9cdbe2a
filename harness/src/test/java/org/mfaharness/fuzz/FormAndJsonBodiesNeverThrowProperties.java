package org.mfaharness.fuzz;

import static org.mfaharness.fuzz.gen.Gen.weight;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.Origin;
import org.mfaharness.fuzz.gen.Gen;
import org.mfaharness.fuzz.gen.Property;

/**
 * Form bodies and query strings with random fields and random percent escapes (broken ones included), carrying
 * real or random artifacts; token-endpoint and Partner Center JSON whose members have random types. Judged as direct
 * input and as a captured hop posted to Entra's EAM endpoint (which changes how id_token and error are read).
 */
class FormAndJsonBodiesNeverThrowProperties {
    private static final Origin EAM_HOP = new Origin(3, Instant.parse("2026-01-01T00:00:00Z"), "POST",
            "https://login.microsoftonline.com" + ArtifactDetector.EAM_REDIRECT_PATH, null, "request");

    @Test
    void formBodiesWithRandomEscapes() {
        Property.tries(1200).seed(20261221).forAll(forms(), body -> Engine.judge(body, Engine.TRUSTING));
    }

    @Test
    void formBodiesPostedToTheEamEndpoint() {
        Property.tries(600).seed(20261222).forAll(forms(), body -> Engine.judge(body, EAM_HOP, Engine.TRUSTING));
    }

    @Test
    void tokenEndpointJsonWithRandomTypes() {
        Property.tries(1200).seed(20261223).forAll(json(), body -> Engine.judge(body, Engine.TRUSTING));
    }

    @Test
    void errorTextWithRandomCodes() {
        Property.tries(600).seed(20261224).forAll(errors(), text -> Engine.judge(text, Engine.UNTRUSTED));
    }

    /** Artifacts a field may carry: real ones, random JWT-shaped ones, random text. */
    private static Gen<String> artifacts() {
        return Gen.frequency(
                weight(2, Gen.of(Corpus.JWT_MFA, Corpus.JWT_PWD, Corpus.RSTR_MFA, Inputs.b64(Corpus.SAML2_MFA),
                        Inputs.b64("<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_1\"/>"))),
                weight(2, Inputs.jwtShaped()),
                weight(1, Inputs.wordSoup(10)));
    }

    static Gen<String> forms() {
        return Inputs.formBody(artifacts());
    }

    static Gen<String> json() {
        return Gen.frequency(
                weight(4, Inputs.tokenEndpointJson(artifacts())),
                weight(1, Inputs.jsonObject()),
                weight(1, Inputs.jsonValue(3).map(v -> "{" + v)),
                weight(1, Gen.ints(1, 200).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n))));
    }

    static Gen<String> errors() {
        Gen<String> digits = Gen.strings("0123456789", 0, 14);
        return Gen.frequency(
                weight(3, digits.flatMap(d -> Inputs.syntax(30).map(t -> "AADSTS" + d + ": " + t))),
                weight(1, digits.map(d -> "{\"error\":\"x\",\"error_description\":\"AADSTS" + d + "\",\"error_codes\":[" + d + "]}")),
                weight(1, Inputs.syntax(40).map(t -> "MFA required (10001) " + t)),
                weight(1, Inputs.syntax(40).map(t -> t + " 900421 Unauthorized_MissingMFA")));
    }
}
