package org.mfaharness.verify.xmldsig;

import java.security.cert.X509Certificate;

/**
 * The outcome of verifying one enveloped signature.
 *
 * @param status             what happened
 * @param reason             one line explaining a non-VALID status
 * @param signatureMethod    the SignatureMethod URI, or null
 * @param digestMethod       the DigestMethod URI, or null
 * @param keyInfoCertificate the certificate in KeyInfo (never used to verify), or null
 * @param verifiedWith       the pinned certificate that verified it, or null
 * @param path               the ds:Signature element's path
 */
public record SignatureCheck(Status status, String reason, String signatureMethod, String digestMethod,
                             X509Certificate keyInfoCertificate, X509Certificate verifiedWith, String path) {

    /** Outcomes. */
    public enum Status {
        /** Verified with a pinned certificate. */
        VALID,
        /** Does not verify (digest or signature value), under the pinned certificates or any key. */
        INVALID,
        /** No ds:Signature on the element. */
        UNSIGNED,
        /** Outside the profile: references, transforms or algorithms. */
        PROFILE_VIOLATION,
        /** A wrapping pattern: duplicate IDs, or the reference points elsewhere. */
        WRAPPING,
        /** Well-formed and within the profile, digest intact, but no trust material to check the value. */
        UNCHECKED
    }

    /** Whether SHA-1 is used for the signature or the digest. */
    public boolean usesSha1() {
        return (signatureMethod != null && signatureMethod.endsWith("sha1"))
                || (digestMethod != null && digestMethod.endsWith("#sha1"));
    }
}
