package org.mfaharness.certify.module;

import java.util.ArrayList;
import java.util.List;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.ModuleVerdict;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.certify.TestModule;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.Severity;
import org.mfaharness.verify.eam.CheckEamDiscovery;

/**
 * The provider's discovery URL and document have the form Entra requires, as the verdict engine's
 * {@code CheckEamDiscovery} judges them (URL form, https issuer, authorization_endpoint, https jwks_uri, id_token,
 * RS256, openid, subject_types_supported, claim_types_supported ∋ normal when present).
 */
public final class DiscoveryDocumentConforms implements TestModule {
    private static final CheckEamDiscovery CHECK = new CheckEamDiscovery();

    @Override
    public String displayName() {
        return "The discovery document conforms";
    }

    @Override
    public String summary() {
        return "Passes when the discovery URL is https and ends exactly in /.well-known/openid-configuration (checked when given as "
                + "a URL), and the document has an https issuer without query or fragment, authorization_endpoint, an https "
                + "jwks_uri, scopes_supported with openid, response_types_supported with id_token, subject_types_supported, "
                + "id_token_signing_alg_values_supported with RS256, and claim_types_supported with normal if it is present.";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(Requirements.EAM_DISCOVERY);
    }

    @Override
    public ModuleVerdict evaluate(CertificationEvidence e) {
        if (e.eam() == null) {
            return ModuleVerdict.notRun("No discovery document was read.");
        }
        Findings out = new Findings();
        // CheckEamDiscovery reads only the trust material (the discovery document and its URL), never its subject.
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
        String note = ev.stream().filter(f -> f.finding().code().equals(ReasonCode.NOT_CHECKED.name())).map(f -> " " + f.finding().message())
                .findFirst().orElse(e.eam().discoveryUrl() == null ? " The URL form was not checked: the document was read from a file." : "");
        return ModuleVerdict.pass("issuer " + e.eam().string("issuer") + ", authorization_endpoint " + e.eam().string("authorization_endpoint")
                + ", jwks_uri " + e.eam().string("jwks_uri") + "." + note, ev);
    }
}
