package org.mfaharness.certify.module;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.ModuleVerdict;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.certify.TestModule;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.trust.Certificates;

/**
 * The metadata names at least one signing certificate (of an IdP or STS role, as the verdict engine's
 * {@code FederationMetadata} reads it) that is valid now. Certify-only rule: the engine pins certificates but does not
 * judge metadata.
 */
public final class MetadataHasValidSigningCertificate implements TestModule {
    @Override
    public String displayName() {
        return "The metadata names a valid signing certificate";
    }

    @Override
    public String summary() {
        return "Passes when the metadata's IdP/STS role has a KeyDescriptor (use signing, or no use) whose X.509 certificate is "
                + "valid at the time of the run. Expired or not-yet-valid certificates are listed.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.META_SIGNING_CERT);
    }

    @Override
    public ModuleVerdict evaluate(CertificationEvidence e) {
        if (e.federation() == null) {
            return ModuleVerdict.notRun("No federation metadata was read.");
        }
        List<LegFinding> ev = new ArrayList<>();
        int valid = 0;
        String src = Requirements.META_SIGNING_CERT.source();
        for (X509Certificate c : e.federation().certificates()) {
            String desc = Certificates.describe(c);
            Evidence where = Evidence.expected("KeyDescriptor/KeyInfo/X509Data/X509Certificate", Certificates.sha256Thumbprint(c),
                    "valid at " + e.at());
            if (c.getNotAfter().toInstant().isBefore(e.at())) {
                ev.add(Local.fail("metadata", CertifyCode.CERT_META_CERT_EXPIRED, "The signing certificate " + desc + " expired on "
                        + c.getNotAfter().toInstant() + ".", where, src));
            } else if (c.getNotBefore().toInstant().isAfter(e.at())) {
                ev.add(Local.fail("metadata", CertifyCode.CERT_META_CERT_NOT_YET_VALID, "The signing certificate " + desc + " is valid only from "
                        + c.getNotBefore().toInstant() + ".", where, src));
            } else {
                valid++;
                ev.add(Local.pass("metadata", CertifyCode.CERT_META_CERT_VALID, "The signing certificate " + desc + " is valid until "
                        + c.getNotAfter().toInstant() + ".", where, src));
            }
        }
        if (valid == 0) {
            return ModuleVerdict.fail("No signing certificate of the metadata is valid now: " + ev.get(0).finding().message(), ev);
        }
        return ModuleVerdict.pass(valid + " valid signing certificate(s): " + ev.stream().filter(f -> f.finding().code()
                .equals(CertifyCode.CERT_META_CERT_VALID.name())).findFirst().orElseThrow().finding().message(), ev);
    }
}
