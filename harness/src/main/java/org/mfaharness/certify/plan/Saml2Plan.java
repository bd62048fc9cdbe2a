package org.mfaharness.certify.plan;

import static org.mfaharness.verify.Severity.FAIL;
import static org.mfaharness.verify.Severity.WARN;

import java.util.List;
import org.mfaharness.certify.PlanEntry;
import org.mfaharness.certify.TestPlan;
import org.mfaharness.certify.module.AssertionLifetimeValid;
import org.mfaharness.certify.module.AssertionSignatureVerifies;
import org.mfaharness.certify.module.AttributeOnlyMfaIsNotAccepted;
import org.mfaharness.certify.module.AudienceIsMicrosoftOnline;
import org.mfaharness.certify.module.AuthenticationInstantPresent;
import org.mfaharness.certify.module.Fed;
import org.mfaharness.certify.module.FreshAuthenticationOnForceAuthn;
import org.mfaharness.certify.module.IdpEmailPresent;
import org.mfaharness.certify.module.IssuerIsMetadataEntityId;
import org.mfaharness.certify.module.MetadataHasValidSigningCertificate;
import org.mfaharness.certify.module.MetadataNamesSsoEndpoint;
import org.mfaharness.certify.module.MetadataSigningKeyIsStrong;
import org.mfaharness.certify.module.NameIdPersistent;
import org.mfaharness.certify.module.NoClaimWithoutSecondFactor;
import org.mfaharness.certify.module.RecipientIsLoginSrf;
import org.mfaharness.certify.module.ResponseEchoesRelayState;
import org.mfaharness.certify.module.ResponseInResponseToRequest;
import org.mfaharness.certify.module.ResponseStatusIsSuccess;
import org.mfaharness.certify.module.SignInCompletesAtLoginSrf;
import org.mfaharness.certify.module.SingleAuthnContext;
import org.mfaharness.certify.module.StepUpYieldsDocumentedMfaClaim;

/**
 * SAML 2.0 (SAML-P federation: Okta, Ping, Shibboleth…). The harness reads the IdP's SAML metadata, then, as Entra,
 * sends three HTTP-Redirect AuthnRequests (Issuer {@code urn:federation:MicrosoftOnline}, persistent NameIDPolicy)
 * to the SingleSignOnService — plain in a fresh browser, with {@code RequestedAuthnContext} multipleauthn, and with
 * it and {@code ForceAuthn="true"} — and receives each Response at its own login.srf (POST binding).
 */
public final class Saml2Plan implements TestPlan {
    private static final List<PlanEntry> ENTRIES = List.of(
            new PlanEntry(new MetadataHasValidSigningCertificate(), FAIL),
            new PlanEntry(new MetadataNamesSsoEndpoint(), FAIL),
            new PlanEntry(new MetadataSigningKeyIsStrong(), WARN),
            new PlanEntry(new SignInCompletesAtLoginSrf(Fed.SAML2), FAIL),
            new PlanEntry(new ResponseStatusIsSuccess(), FAIL),
            new PlanEntry(new StepUpYieldsDocumentedMfaClaim(Fed.SAML2), FAIL),
            new PlanEntry(new AttributeOnlyMfaIsNotAccepted(), FAIL),
            new PlanEntry(new SingleAuthnContext(), WARN),
            new PlanEntry(new NoClaimWithoutSecondFactor(Fed.SAML2), FAIL),
            new PlanEntry(new AssertionSignatureVerifies(Fed.SAML2), FAIL),
            new PlanEntry(new IssuerIsMetadataEntityId(), FAIL),
            new PlanEntry(new AudienceIsMicrosoftOnline(Fed.SAML2), FAIL),
            new PlanEntry(new RecipientIsLoginSrf(), FAIL),
            new PlanEntry(new ResponseInResponseToRequest(), FAIL),
            new PlanEntry(new NameIdPersistent(), FAIL),
            new PlanEntry(new IdpEmailPresent(), FAIL),
            new PlanEntry(new AssertionLifetimeValid(Fed.SAML2), FAIL),
            new PlanEntry(new AuthenticationInstantPresent(Fed.SAML2), WARN),
            new PlanEntry(new FreshAuthenticationOnForceAuthn(), FAIL),
            new PlanEntry(new ResponseEchoesRelayState(), FAIL));

    @Override
    public String name() {
        return "saml2";
    }

    @Override
    public String displayName() {
        return "SAML 2.0 IdP for Microsoft Entra ID (SAML-P federation)";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String description() {
        return "The harness plays Entra: from the IdP's SAML metadata it sends HTTP-Redirect AuthnRequests (Issuer "
                + "urn:federation:MicrosoftOnline, NameIDPolicy persistent) to the SingleSignOnService (plain in a fresh browser; "
                + "with RequestedAuthnContext multipleauthn; with that and ForceAuthn=\"true\"), drives the IdP's pages in a real "
                + "browser through its proxy, receives each Response at its own login.srf, and judges it with the metadata's "
                + "signing certificates and entityID.";
    }

    @Override
    public List<PlanEntry> entries() {
        return ENTRIES;
    }
}
