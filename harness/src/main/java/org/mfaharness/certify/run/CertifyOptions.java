package org.mfaharness.certify.run;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.mfaharness.certify.TestPlan;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.lab.Lab;
import org.mfaharness.scenario.browser.BrowserKind;

/**
 * What to certify and how. Built with {@link #builder(TestPlan, String)}; immutable.
 *
 * @param plan        the plan
 * @param metadata    the target's metadata (federation metadata, or the EAM discovery document): a file or URL
 * @param user        the test user, or null to run only the modules that need no sign-in
 * @param cloud       the cloud whose Entra the harness plays (host names, login.srf, EAM redirect URI, issuers)
 * @param product     the product name on the certificate, or null for the metadata's entityID / issuer
 * @param browser     which browser drives the sign-ins
 * @param out         where the run folder goes
 * @param clientId    EAM: the client_id the provider issued to Entra
 * @param lab         the embedded lab the target runs in (its host map and CA are used; nothing leaves loopback), or null
 * @param labTrusts   with a lab: whether its EAM providers are told to trust the stand-in Entra's keys (false plays a
 *                    provider that trusts only its own Entra, as a production provider trusts only Microsoft)
 * @param standIn     the stand-in Entra's keys to use, or null for new ones
 * @param publish     EAM: an address to also publish the stand-in's discovery and keys on, or null
 * @param publishUrl  the public base URL of {@code publish} (e.g. behind a tunnel), or null
 * @param allowRemote whether {@code publish} may be a non-loopback address
 * @param version     the mfa-harness version, for reports
 * @param progress    one line per step, already free of secrets
 */
public record CertifyOptions(TestPlan plan, String metadata, TestUser user, CloudProfile cloud, String product, BrowserKind browser,
                             Path out, String clientId, Lab lab, boolean labTrusts, EntraStandIn standIn, InetSocketAddress publish,
                             String publishUrl, boolean allowRemote, String version, Consumer<String> progress) {
    public CertifyOptions {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(out, "out");
        version = version == null ? "dev" : version;
        progress = progress == null ? line -> { } : progress;
    }

    public static Builder builder(TestPlan plan, String metadata) {
        return new Builder(plan, metadata);
    }

    /** A mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final TestPlan plan;
        private final String metadata;
        private TestUser user;
        private CloudProfile cloud = CloudProfile.PUBLIC;
        private String product;
        private BrowserKind browser = BrowserKind.CHROMIUM;
        private Path out = Path.of("reports");
        private String clientId;
        private Lab lab;
        private boolean labTrusts = true;
        private EntraStandIn standIn;
        private InetSocketAddress publish;
        private String publishUrl;
        private boolean allowRemote;
        private String version;
        private Consumer<String> progress;

        private Builder(TestPlan plan, String metadata) {
            this.plan = plan;
            this.metadata = metadata;
        }

        public Builder user(TestUser u) {
            this.user = u;
            return this;
        }

        public Builder cloud(CloudProfile c) {
            this.cloud = c;
            return this;
        }

        public Builder product(String p) {
            this.product = p;
            return this;
        }

        public Builder browser(BrowserKind b) {
            this.browser = b;
            return this;
        }

        public Builder out(Path p) {
            this.out = p;
            return this;
        }

        public Builder clientId(String c) {
            this.clientId = c;
            return this;
        }

        /** Runs against the embedded lab: its cloud, host map and CA. */
        public Builder lab(Lab l) {
            this.lab = l;
            this.cloud = l.cloud();
            return this;
        }

        /** With a lab: whether its EAM providers trust the stand-in Entra's keys (default true). */
        public Builder labTrustsStandIn(boolean t) {
            this.labTrusts = t;
            return this;
        }

        public Builder standIn(EntraStandIn s) {
            this.standIn = s;
            return this;
        }

        public Builder publish(InetSocketAddress address, String publicUrl, boolean allowRemoteAddress) {
            this.publish = address;
            this.publishUrl = publicUrl;
            this.allowRemote = allowRemoteAddress;
            return this;
        }

        public Builder version(String v) {
            this.version = v;
            return this;
        }

        public Builder progress(Consumer<String> p) {
            this.progress = p;
            return this;
        }

        public CertifyOptions build() {
            return new CertifyOptions(plan, metadata, user, cloud, product, browser, out, clientId, lab, labTrusts, standIn, publish, publishUrl,
                    allowRemote, version, progress);
        }
    }
}
