package org.mfaharness.verify.jwt;

import java.util.List;
import java.util.function.Function;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.trust.TrustMaterial;
import org.mfaharness.verify.trust.TrustedKey;

/**
 * The signature verifies with a key of the JWKS the user gave ({@code --jwks}; for EAM tokens the provider's
 * keys). Skipped for unsigned, HMAC and decode-only Microsoft API tokens, whose own findings already decide; any other
 * algorithm outside the RSA list is a signature failure.
 * Source: spec (d) 5, (c) 4.
 */
public final class VerifyJwtSignature implements Check<JwtToken> {
    private final SignatureCodes codes;
    private final Function<TrustMaterial, List<TrustedKey>> keys;
    private final String option;

    public VerifyJwtSignature(SignatureCodes codes, Function<TrustMaterial, List<TrustedKey>> keys, String option) {
        this.codes = codes;
        this.keys = keys;
        this.option = option;
    }

    /** For Entra tokens: {@code --jwks}. */
    public static VerifyJwtSignature entra() {
        return new VerifyJwtSignature(SignatureCodes.ENTRA, TrustMaterial::jwks, "--jwks");
    }

    /** For EAM id_tokens: the provider's keys. */
    public static VerifyJwtSignature eam() {
        return new VerifyJwtSignature(SignatureCodes.EAM, TrustMaterial::keysForEam, "--eam-jwks");
    }

    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        String alg = t.alg();
        if (alg == null || DetectUnverifiableMicrosoftApiToken.isUnverifiable(t, ctx.options().cloud())) {
            return;
        }
        if (!JwsSignature.RSA_ALGORITHMS.contains(alg)) {
            // none and HMAC have their own FAIL findings; any other algorithm must not pass unverified.
            if (!RejectAlgNone.isNone(alg) && !RejectHmacAlgorithm.isHmac(alg)) {
                out.add(codes.invalid(), "The header's alg \"" + alg + "\" is not an algorithm verified here (RS256, RS384,"
                        + " RS512, PS256, PS384, PS512): the signature cannot be checked, so the token is not trusted.",
                        Evidence.expected("header.alg", alg, "RS256"));
            }
            return;
        }
        JwsSignature.Outcome o = JwsSignature.verify(t, keys.apply(ctx.options().trust()));
        String keyRef = t.kid() != null ? "kid " + t.kid() : t.headerString("x5t") != null ? "x5t " + t.headerString("x5t") : "no kid";
        switch (o.status()) {
            case VALID -> out.add(codes.valid(), "The " + alg + " signature verifies with key " + o.key().kid() + " from "
                    + o.key().source() + ".", Evidence.at("signature", keyRef));
            case INVALID -> out.add(codes.invalid(), "The " + alg + " signature does not verify with the " + o.triedKeys()
                    + " matching key(s) (" + keyRef + "): the token was altered, truncated, or signed by another key.",
                    Evidence.at("signature", keyRef));
            case KEY_UNKNOWN -> out.add(codes.kidUnknown(), "No key in the given JWKS matches " + keyRef
                    + "; keys roll, so fetch the current keys, or the token is not from this issuer.", Evidence.at("header.kid", keyRef));
            case NO_KEYS -> out.add(codes.unchecked(), "The signature was not verified: no JWKS was given (" + option + ").",
                    Evidence.at("signature", keyRef));
            case UNSUPPORTED_ALGORITHM -> {
                // Unreachable: filtered above.
            }
        }
    }
}
