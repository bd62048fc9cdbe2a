package org.mfaharness.certify.plan;

import static org.mfaharness.verify.Severity.FAIL;
import static org.mfaharness.verify.Severity.WARN;

import java.util.List;
import org.mfaharness.certify.PlanEntry;
import org.mfaharness.certify.TestPlan;
import org.mfaharness.certify.module.AssertionLifetimeValid;
import org.mfaharness.certify.module.AssertionSignatureVerifies;
import org.mfaharness.certify.module.AudienceIsMicrosoftOnline;
import org.mfaharness.certify.module.AuthenticationInstantPresent;
import org.mfaharness.certify.module.Fed;
import org.mfaharness.certify.module.FreshAuthenticationOnWfresh0;
import org.mfaharness.certify.module.MetadataHasValidSigningCertificate;
import org.mfaharness.certify.module.MetadataNamesPassiveEndpoint;
import org.mfaharness.certify.module.MetadataSigningKeyIsStrong;
import org.mfaharness.certify.module.NoClaimWithoutSecondFactor;
import org.mfaharness.certify.module.ResponseEchoesWctx;
import org.mfaharness.certify.module.SignInCompletesAtLoginSrf;
import org.mfaharness.certify.module.StepUpYieldsDocumentedMfaClaim;
import org.mfaharness.certify.module.UpnAndImmutableIdPresent;

/**
 * WS-Federation / SAML 1.1 (AD FS and its adapters, Okta's and Ping's Microsoft 365 WS-Fed apps). The harness reads
 * the IdP's federation metadata, then, as Entra, sends three wsignin1.0 requests for
 * {@code urn:federation:MicrosoftOnline} to the PassiveRequestorEndpoint — without wauth in a fresh browser, with
 * {@code wauth=http://schemas.microsoft.com/claims/multipleauthn}, and with wauth and {@code wfresh=0} — drives the
 * IdP's pages with the sign-in drivers through the proxy, and receives each RSTR at its own login.srf.
 */
public final class WsFedPlan implements TestPlan {
    private static final List<PlanEntry> ENTRIES = List.of(
            new PlanEntry(new MetadataHasValidSigningCertificate(), FAIL),
            new PlanEntry(new MetadataNamesPassiveEndpoint(), FAIL),
            new PlanEntry(new MetadataSigningKeyIsStrong(), WARN),
            new PlanEntry(new SignInCompletesAtLoginSrf(Fed.WSFED), FAIL),
            new PlanEntry(new StepUpYieldsDocumentedMfaClaim(Fed.WSFED), FAIL),
            new PlanEntry(new NoClaimWithoutSecondFactor(Fed.WSFED), FAIL),
            new PlanEntry(new AssertionSignatureVerifies(Fed.WSFED), FAIL),
            new PlanEntry(new AudienceIsMicrosoftOnline(Fed.WSFED), FAIL),
            new PlanEntry(new AssertionLifetimeValid(Fed.WSFED), FAIL),
            new PlanEntry(new UpnAndImmutableIdPresent(), FAIL),
            new PlanEntry(new AuthenticationInstantPresent(Fed.WSFED), WARN),
            new PlanEntry(new FreshAuthenticationOnWfresh0(), FAIL),
            new PlanEntry(new ResponseEchoesWctx(), FAIL));

    @Override
    public String name() {
        return "wsfed";
    }

    @Override
    public String displayName() {
        return "WS-Federation IdP for Microsoft Entra ID (SAML 1.1 assertion in an RSTR)";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String description() {
        return "The harness plays Entra: from the IdP's federation metadata it sends wsignin1.0 requests for "
                + "urn:federation:MicrosoftOnline to the passive endpoint (without wauth in a fresh browser; with "
                + "wauth=http://schemas.microsoft.com/claims/multipleauthn; with wauth and wfresh=0), drives the IdP's pages in "
                + "a real browser through its proxy, receives each RSTR at its own login.srf, and judges it with the "
                + "metadata's signing certificates.";
    }

    @Override
    public List<PlanEntry> entries() {
        return ENTRIES;
    }
}
