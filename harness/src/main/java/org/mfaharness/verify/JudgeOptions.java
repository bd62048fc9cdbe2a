package org.mfaharness.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.verify.trust.TrustMaterial;

/**
 * How to judge: evaluation time, clock skew, expected audience, cloud, trust material and the context the user
 * knows (the domain's IssuerUri, the partner tenant). Immutable.
 *
 * @param at        the evaluation time ({@code --at}; default now): old captures are judged at their own time
 * @param clockSkew allowed clock skew for time windows
 * @param audience  the audience assertions must carry; null means the cloud's federation audience
 * @param cloud     the cloud profile
 * @param trust     the trust material
 * @param issuerUri the domain's IssuerUri in Entra (SAML 2.0 Issuer check), or null when unknown
 * @param tenant    the partner tenant id that tokens must come from, or null when unknown
 */
public record JudgeOptions(Instant at, Duration clockSkew, String audience, CloudProfile cloud, TrustMaterial trust,
                           String issuerUri, String tenant) {

    /** Entra's documented default clock skew tolerance for token lifetimes. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

    public JudgeOptions {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(trust, "trust");
    }

    /** Defaults: now, 5 minutes of skew, the public cloud, no trust. */
    public static JudgeOptions defaults() {
        return new JudgeOptions(Instant.now(), DEFAULT_CLOCK_SKEW, null, CloudProfile.PUBLIC, TrustMaterial.none(),
                null, null);
    }

    /** The audience assertions must carry. */
    public String expectedAudience() {
        return audience != null ? audience : cloud.federationAudience();
    }

    public JudgeOptions at(Instant t) {
        return new JudgeOptions(t, clockSkew, audience, cloud, trust, issuerUri, tenant);
    }

    public JudgeOptions withTrust(TrustMaterial t) {
        return new JudgeOptions(at, clockSkew, audience, cloud, t, issuerUri, tenant);
    }

    public JudgeOptions withCloud(CloudProfile c) {
        return new JudgeOptions(at, clockSkew, audience, c, trust, issuerUri, tenant);
    }

    public JudgeOptions withAudience(String a) {
        return new JudgeOptions(at, clockSkew, a, cloud, trust, issuerUri, tenant);
    }

    public JudgeOptions withIssuerUri(String i) {
        return new JudgeOptions(at, clockSkew, audience, cloud, trust, i, tenant);
    }

    public JudgeOptions withTenant(String t) {
        return new JudgeOptions(at, clockSkew, audience, cloud, trust, issuerUri, t);
    }

    /** The IssuerUri to check a SAML 2.0 Issuer against: the option, else the metadata's entityID. */
    public String effectiveIssuerUri() {
        return issuerUri != null ? issuerUri : trust.metadataIssuer();
    }
}
