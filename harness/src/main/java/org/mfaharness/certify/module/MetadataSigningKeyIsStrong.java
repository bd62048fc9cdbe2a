package org.mfaharness.certify.module;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.ModuleVerdict;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.certify.TestModule;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.trust.Certificates;

/** Every signing key of the metadata is RSA of 2048 bits or more (or EC of 256 or more), in a certificate not signed with SHA-1. */
public final class MetadataSigningKeyIsStrong implements TestModule {
    @Override
    public String displayName() {
        return "Signing keys are at least RSA-2048, certificates not SHA-1";
    }

    @Override
    public String summary() {
        return "Passes when every signing certificate of the metadata holds an RSA key of at least 2048 bits (or EC of at least 256) "
                + "and is itself not signed with SHA-1. Best practice (NIST SP 800-131A): it warns.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.BP_KEY_STRENGTH);
    }

    @Override
    public ModuleVerdict evaluate(CertificationEvidence e) {
        if (e.federation() == null) {
            return ModuleVerdict.notRun("No federation metadata was read.");
        }
        List<LegFinding> ev = new ArrayList<>();
        LegFinding weak = null;
        String src = Requirements.BP_KEY_STRENGTH.source();
        for (X509Certificate c : e.federation().certificates()) {
            int bits = c.getPublicKey() instanceof RSAPublicKey r ? r.getModulus().bitLength()
                    : c.getPublicKey() instanceof ECPublicKey ec ? ec.getParams().getCurve().getField().getFieldSize() : -1;
            boolean rsa = c.getPublicKey() instanceof RSAPublicKey;
            String alg = c.getSigAlgName();
            String key = (rsa ? "RSA-" : c.getPublicKey().getAlgorithm() + "-") + bits;
            Evidence where = Evidence.at("X509Certificate " + Certificates.sha256Thumbprint(c), key + ", " + alg);
            boolean small = bits < 0 || (rsa ? bits < 2048 : bits < 256);
            boolean sha1 = alg.toUpperCase(Locale.ROOT).contains("SHA1");
            if (small || sha1) {
                LegFinding f = Local.fail("metadata", CertifyCode.CERT_META_KEY_WEAK, "The signing certificate " + Certificates.describe(c)
                        + " has " + key + (sha1 ? " and is signed with " + alg : "") + ".", where, src);
                ev.add(f);
                weak = weak == null ? f : weak;
            } else {
                ev.add(Local.pass("metadata", CertifyCode.CERT_META_KEY_OK, "The signing certificate " + Certificates.describe(c) + " has "
                        + key + ", signed with " + alg + ".", where, src));
            }
        }
        return weak != null ? ModuleVerdict.fail(weak.finding().message(), ev)
                : ModuleVerdict.pass(ev.get(0).finding().message(), ev);
    }
}
