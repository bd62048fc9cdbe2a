package org.mfaharness.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Strings shaped like JWTs — three (or five) base64url segments holding random JSON of random types, duplicated
 * members, extreme numbers, broken escapes, random bytes — raw, in a bearer line, a form or token-endpoint JSON; and
 * correctly signed tokens whose claims are replaced by random values, so the checks after the signature run on
 * hostile claims too. None throws, none hangs, each gets a verdict and an MFA reading.
 */
class JwtShapedInputsNeverThrowProperties {

    @Property(tries = 1500, seed = "20261211")
    void randomJsonInThreeSegments(@ForAll("jwtShaped") String token) {
        Engine.judge(token, Engine.TRUSTING);
    }

    @Property(tries = 900, seed = "20261212")
    void randomTokensInEveryWrapping(@ForAll("wrapped") String text) {
        Engine.judge(text, Engine.TRUSTING);
    }

    @Property(tries = 900, seed = "20261213")
    void signedTokensWithRandomClaimValues(@ForAll("signedHostileClaims") String token) {
        Engine.judge(token, Engine.TRUSTING);
        Engine.judge(token, Engine.UNTRUSTED);
    }

    @Property(tries = 600, seed = "20261214")
    void fiveSegmentsAreJweShaped(@ForAll("jweShaped") String token) {
        Engine.judge(token, Engine.TRUSTING);
    }

    @Provide
    Arbitrary<String> jwtShaped() {
        return Inputs.jwtShaped();
    }

    @Provide
    Arbitrary<String> wrapped() {
        return Inputs.jwtShaped().flatMap(t -> Arbitraries.of(
                t, "Authorization: Bearer " + t, "bearer " + t + "  ", "id_token=" + t, "access_token=" + t + "&token_type=Bearer",
                "{\"access_token\":\"" + t + "\",\"id_token\":\"" + t + "\"}", "{\"id_token\":" + Inputs.jsonString(t) + "}",
                "id_token_hint=" + t + "&response_type=id_token&claims=" + Inputs.url("{\"id_token\":{\"acr\":{\"values\":[1,null]}}}"),
                " \n" + t + "\n"));
    }

    /** A token signed with the test Entra key, whose claims start as Entra's and get random values and duplicates. */
    @Provide
    Arbitrary<String> signedHostileClaims() {
        Arbitrary<String> override = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(Inputs.CLAIMS)),
                Tuple.of(1, Inputs.unicode(4)))
                .flatMap(name -> Inputs.jsonValue(2).map(v -> Inputs.jsonString(name) + ":" + v));
        return Arbitraries.frequencyOf(
                        Tuple.of(4, override.list().ofMaxSize(5)),
                        Tuple.of(1, override.list().ofMaxSize(5).map(l -> { // a duplicated amr
                            java.util.List<String> m = new java.util.ArrayList<>(l);
                            m.add("\"amr\":[\"mfa\"]");
                            return m;
                        })))
                .map(members -> Rs256.signRaw(Rs256.ENTRA_HEADER, Rs256.claimsWith(members)));
    }

    @Provide
    Arbitrary<String> jweShaped() {
        Arbitrary<String> seg = Inputs.bytes(64).map(Inputs::b64url).filter(s -> !s.isEmpty());
        return Arbitraries.frequencyOf(
                Tuple.of(1, Inputs.joseHeader().map(Inputs::b64url)),
                Tuple.of(1, seg)).list().ofSize(5).map(l -> String.join(".", l));
    }
}
