package org.mfaharness.certify.plan;

import static org.mfaharness.verify.Severity.FAIL;
import static org.mfaharness.verify.Severity.WARN;

import java.util.List;
import org.mfaharness.certify.PlanEntry;
import org.mfaharness.certify.TestPlan;
import org.mfaharness.certify.module.AccessDeniedIsReported;
import org.mfaharness.certify.module.AudienceIsClientId;
import org.mfaharness.certify.module.DiscoveryDocumentConforms;
import org.mfaharness.certify.module.IdTokenLifetimeValid;
import org.mfaharness.certify.module.IdTokenSignatureVerifies;
import org.mfaharness.certify.module.IdTokenSubjectIsHintSubject;
import org.mfaharness.certify.module.IssuerMatchesDiscovery;
import org.mfaharness.certify.module.JwksKeysHaveX5c;
import org.mfaharness.certify.module.NoIdTokenWithoutSecondFactor;
import org.mfaharness.certify.module.NonceEchoed;
import org.mfaharness.certify.module.ProviderIssuesIdTokenAfterSecondFactor;
import org.mfaharness.certify.module.SingleAllowedAmr;
import org.mfaharness.certify.module.SingleRequestedAcr;
import org.mfaharness.certify.module.StateEchoed;

/**
 * External Authentication Method providers (OIDC implicit flow, form_post). The harness reads the provider's
 * discovery document and JWKS, then, as Entra, POSTs the authorize request with an {@code id_token_hint} it signed
 * with its own keys (published in its own Entra-like discovery document) and receives the provider's form_post at its
 * own redirect URI — once with the user completing the second factor, once with wrong codes only.
 */
public final class EamPlan implements TestPlan {
    private static final List<PlanEntry> ENTRIES = List.of(
            new PlanEntry(new DiscoveryDocumentConforms(), FAIL),
            new PlanEntry(new JwksKeysHaveX5c(), FAIL),
            new PlanEntry(new ProviderIssuesIdTokenAfterSecondFactor(), FAIL),
            new PlanEntry(new IdTokenSignatureVerifies(), FAIL),
            new PlanEntry(new IssuerMatchesDiscovery(), FAIL),
            new PlanEntry(new AudienceIsClientId(), FAIL),
            new PlanEntry(new IdTokenSubjectIsHintSubject(), FAIL),
            new PlanEntry(new NonceEchoed(), FAIL),
            new PlanEntry(new StateEchoed(), FAIL),
            new PlanEntry(new IdTokenLifetimeValid(), FAIL),
            new PlanEntry(new SingleRequestedAcr(), FAIL),
            new PlanEntry(new SingleAllowedAmr(), FAIL),
            new PlanEntry(new NoIdTokenWithoutSecondFactor(), FAIL),
            new PlanEntry(new AccessDeniedIsReported(), WARN));

    @Override
    public String name() {
        return "eam";
    }

    @Override
    public String displayName() {
        return "External Authentication Method provider for Microsoft Entra ID (OIDC)";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String description() {
        return "The harness plays Entra: it reads the provider's discovery document and JWKS, POSTs the authorize request "
                + "(scope openid, response_type id_token, response_mode form_post, client_id, redirect_uri, nonce, state, "
                + "claims, and an id_token_hint signed with the harness's own keys, published in its own Entra-like discovery "
                + "document) from a real browser through its proxy, and receives the provider's form_post at its own redirect "
                + "URI: once with the user completing the second factor, once typing wrong codes only.";
    }

    @Override
    public List<PlanEntry> entries() {
        return ENTRIES;
    }
}
