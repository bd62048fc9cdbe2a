package org.mfaharness.verify.assertion;

import java.security.cert.X509Certificate;
import java.util.List;
import org.mfaharness.artifact.saml.SamlAssertion;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.trust.Certificates;
import org.mfaharness.verify.xmldsig.SignatureCheck;
import org.mfaharness.verify.xmldsig.XmlSignatureVerifier;

/**
 * The assertion is signed under the XML-DSig profile and verifies with a pinned certificate. Also reports SHA-1
 * (WARN), an expired pinned certificate (WARN) and a KeyInfo certificate other than the pinned one (INFO).
 * Source: spec (a) 2 and (b) 1, and the XML-DSig profile.
 */
public final class VerifyAssertionSignature implements Check<SamlAssertion> {
    private final AssertionCodes codes;

    public VerifyAssertionSignature(AssertionCodes codes) {
        this.codes = codes;
    }

    @Override
    public void evaluate(SamlAssertion a, JudgeContext ctx, Findings out) {
        List<X509Certificate> trust = ctx.options().trust().certificates();
        SignatureCheck r = XmlSignatureVerifier.verify(a.element(), a.idAttribute(), trust);
        report(r, a.path(), codes, trust, ctx, out);
    }

    /** Turns a signature outcome into findings; shared with the Response signature of SAML 2.0. */
    public static void report(SignatureCheck r, String signedPath, AssertionCodes codes, List<X509Certificate> trust,
                              JudgeContext ctx, Findings out) {
        String alg = r.signatureMethod();
        switch (r.status()) {
            case UNSIGNED -> out.add(codes.sigMissing(), "The element " + signedPath + " carries no signature: " + r.reason()
                    + ".", Evidence.at(r.path(), null));
            case PROFILE_VIOLATION -> out.add(ReasonCode.SIG_PROFILE_VIOLATION,
                    "The signature of " + signedPath + " is outside the accepted profile: " + r.reason() + ".", Evidence.at(r.path(), alg));
            case WRAPPING -> out.add(ReasonCode.SIG_WRAPPING,
                    "Signature wrapping: " + r.reason() + "; the claims judged could differ from what was signed.",
                    Evidence.at(r.path(), null));
            case INVALID -> out.add(codes.sigInvalid(), "The signature of " + signedPath + " does not verify: " + r.reason() + ".",
                    Evidence.at(r.path() + "/SignatureValue", alg));
            case UNCHECKED -> out.add(codes.sigUnchecked(),
                    "The signature of " + signedPath + " was not verified: no trust material was given (" + r.reason() + ").",
                    Evidence.at(r.path(), r.keyInfoCertificate() == null ? alg
                            : "KeyInfo: " + Certificates.describe(r.keyInfoCertificate())));
            case VALID -> {
                out.add(codes.sigValid(), "The signature of " + signedPath + " verifies with the pinned certificate "
                        + Certificates.describe(r.verifiedWith()) + ".", Evidence.at(r.path(), alg));
                if (r.verifiedWith().getNotAfter().toInstant().isBefore(ctx.at())) {
                    out.add(ReasonCode.SIG_CERT_EXPIRED, "The pinned certificate that verified the signature expired on "
                            + r.verifiedWith().getNotAfter().toInstant() + ", before the evaluation time " + ctx.at()
                            + " (whether Entra refuses it is unverified).",
                            Evidence.at(r.path(), r.verifiedWith().getNotAfter().toInstant().toString()));
                }
            }
        }
        if ((r.status() == SignatureCheck.Status.VALID || r.status() == SignatureCheck.Status.UNCHECKED) && r.usesSha1()) {
            out.add(ReasonCode.SIG_SHA1, "The signature of " + signedPath + " uses SHA-1 (" + alg + ", digest " + r.digestMethod()
                    + ")" + (r.status() == SignatureCheck.Status.VALID ? "; it verified, but" : ";") + " SHA-1 is deprecated.", Evidence.at(r.path() + "/SignedInfo/SignatureMethod", alg));
        }
        X509Certificate ki = r.keyInfoCertificate();
        if (ki != null && !trust.isEmpty() && !trust.contains(ki)) {
            out.add(ReasonCode.SIG_KEYINFO_DIFFERS, "KeyInfo carries " + Certificates.describe(ki)
                    + ", which is not the pinned certificate" + (trust.size() == 1 ? " " + Certificates.describe(trust.get(0)) : "s")
                    + "; KeyInfo is never used to verify.", Evidence.at(r.path() + "/KeyInfo", Certificates.sha256Thumbprint(ki)));
        }
    }
}
