package org.mfaharness.fuzz;

import static org.mfaharness.fuzz.gen.Gen.weight;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfaharness.fuzz.gen.Gen;
import org.mfaharness.fuzz.gen.Property;

/**
 * Strings shaped like JWTs — three (or five) base64url segments holding random JSON of random types, duplicated
 * members, extreme numbers, broken escapes, random bytes — raw, in a bearer line, a form or token-endpoint JSON; and
 * correctly signed tokens whose claims are replaced by random values, so the checks after the signature run on
 * hostile claims too. None throws, none hangs, each gets a verdict and an MFA reading.
 */
class JwtShapedInputsNeverThrowProperties {

    @Test
    void randomJsonInThreeSegments() {
        Property.tries(1500).seed(20261211).forAll(Inputs.jwtShaped(), token -> Engine.judge(token, Engine.TRUSTING));
    }

    @Test
    void randomTokensInEveryWrapping() {
        Property.tries(900).seed(20261212).forAll(wrapped(), text -> Engine.judge(text, Engine.TRUSTING));
    }

    @Test
    void signedTokensWithRandomClaimValues() {
        Property.tries(900).seed(20261213).forAll(signedHostileClaims(), token -> {
            Engine.judge(token, Engine.TRUSTING);
            Engine.judge(token, Engine.UNTRUSTED);
        });
    }

    @Test
    void fiveSegmentsAreJweShaped() {
        Property.tries(600).seed(20261214).forAll(jweShaped(), token -> Engine.judge(token, Engine.TRUSTING));
    }

    static Gen<String> wrapped() {
        return Inputs.jwtShaped().flatMap(t -> Gen.of(
                t, "Authorization: Bearer " + t, "bearer " + t + "  ", "id_token=" + t, "access_token=" + t + "&token_type=Bearer",
                "{\"access_token\":\"" + t + "\",\"id_token\":\"" + t + "\"}", "{\"id_token\":" + Inputs.jsonString(t) + "}",
                "id_token_hint=" + t + "&response_type=id_token&claims=" + Inputs.url("{\"id_token\":{\"acr\":{\"values\":[1,null]}}}"),
                " \n" + t + "\n"));
    }

    /** A token signed with the test Entra key, whose claims start as Entra's and get random values and duplicates. */
    static Gen<String> signedHostileClaims() {
        Gen<String> override = Gen.frequency(
                weight(3, Gen.of(Inputs.CLAIMS)),
                weight(1, Inputs.unicode(4)))
                .flatMap(name -> Inputs.jsonValue(2).map(v -> Inputs.jsonString(name) + ":" + v));
        return Gen.frequency(
                        weight(4, override.list(0, 5)),
                        weight(1, override.list(0, 5).map(l -> { // a duplicated amr
                            List<String> m = new ArrayList<>(l);
                            m.add("\"amr\":[\"mfa\"]");
                            return m;
                        })))
                .map(members -> Rs256.signRaw(Rs256.ENTRA_HEADER, Rs256.claimsWith(members)));
    }

    static Gen<String> jweShaped() {
        Gen<String> seg = Inputs.bytes(64).map(Inputs::b64url).filter(s -> !s.isEmpty());
        return Gen.<String>frequency(
                weight(1, Inputs.joseHeader().map(Inputs::b64url)),
                weight(1, seg)).list(5).map(l -> String.join(".", l));
    }
}
