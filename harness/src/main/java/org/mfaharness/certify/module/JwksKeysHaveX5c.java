package org.mfaharness.certify.module;

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
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.Severity;
import org.mfaharness.verify.eam.CheckEamJwks;

/** Every key at the provider's jwks_uri has {@code x5c} matching its n/e (the verdict engine's {@code CheckEamJwks}). */
public final class JwksKeysHaveX5c implements TestModule {
    private static final CheckEamJwks CHECK = new CheckEamJwks();

    @Override
    public String displayName() {
        return "Every JWKS key has x5c";
    }

    @Override
    public String summary() {
        return "Passes when the JWKS at the discovery document's jwks_uri can be fetched and read, and every RSA signing key in it has "
                + "an x5c certificate whose public key is the key's n/e.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.EAM_JWKS_X5C);
    }

    @Override
    public ModuleVerdict evaluate(CertificationEvidence e) {
        if (e.eam() == null) {
            return ModuleVerdict.notRun("No discovery document was read.");
        }
        String src = Requirements.EAM_JWKS_X5C.source();
        if (e.eam().keysProblem() != null) {
            LegFinding f = Local.fail("metadata", CertifyCode.CERT_EAM_JWKS_UNREADABLE, "The provider's keys could not be used: "
                    + e.eam().keysProblem(), Evidence.at("discovery.jwks_uri", e.eam().string("jwks_uri")), src);
            return ModuleVerdict.fail(f.finding().message(), List.of(f));
        }
        Findings out = new Findings();
        // CheckEamJwks reads only the trust material (the provider's JWKS), never its subject.
        CHECK.evaluate(null, e.context(), out);
        List<LegFinding> ev = new ArrayList<>();
        for (Finding f : out.list()) {
            ev.add(new LegFinding("metadata", f));
        }
        for (LegFinding f : ev) {
            if (f.finding().severity() == Severity.FAIL) {
                return ModuleVerdict.fail(f.finding().message(), ev);
            }
        }
        if (ev.stream().anyMatch(f -> f.finding().severity() == Severity.INFO)) {
            return new ModuleVerdict(org.mfaharness.certify.Outcome.NOT_RUN, ev.get(0).finding().message(), ev);
        }
        ev.add(Local.pass("metadata", CertifyCode.CERT_EAM_JWKS_OK, e.eam().keys().size() + " key(s) at " + e.eam().string("jwks_uri")
                + ", each with x5c.", Evidence.at("jwks.keys", String.valueOf(e.eam().keys().size())), src));
        return ModuleVerdict.pass(ev.get(ev.size() - 1).finding().message(), ev);
    }
}
