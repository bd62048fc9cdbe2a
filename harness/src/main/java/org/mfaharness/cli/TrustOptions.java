package org.mfaharness.cli;

import java.util.ArrayList;
import java.util.List;
import org.mfaharness.verify.trust.BoundedFetcher;
import org.mfaharness.verify.trust.TrustException;
import org.mfaharness.verify.trust.TrustLoader;
import org.mfaharness.verify.trust.TrustMaterial;
import picocli.CommandLine.Option;

/** The trust-material options shared by every judging command. */
public final class TrustOptions {
    @Option(names = "--trust-cert", paramLabel = "PEM",
            description = "The IdP's token-signing certificate (PEM file or URL); repeatable. Signatures are verified only against what you give.")
    List<String> trustCerts = new ArrayList<>();

    @Option(names = "--metadata", paramLabel = "FILE|URL",
            description = "The IdP's federation or SAML metadata: its signing certificates and entityID (the domain's IssuerUri).")
    String metadata;

    @Option(names = "--jwks", paramLabel = "FILE|URL",
            description = "Entra's signing keys (e.g. https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys saved to a file); repeatable.")
    List<String> jwks = new ArrayList<>();

    @Option(names = "--eam-jwks", paramLabel = "FILE|URL",
            description = "The EAM provider's signing keys (its jwks_uri); repeatable.")
    List<String> eamJwks = new ArrayList<>();

    @Option(names = "--eam-discovery", paramLabel = "FILE|URL",
            description = "The EAM provider's discovery document (…/.well-known/openid-configuration).")
    String eamDiscovery;

    @Option(names = "--fetch-remote", description = "Let the URLs above reach another machine (e.g. Microsoft's published "
            + "keys). Without it only loopback URLs are fetched; files always work.")
    boolean fetchRemote;

    /** Loads the material; a problem is a one-line error with exit code 65. */
    public TrustMaterial load() {
        try {
            return new TrustLoader(fetchRemote ? BoundedFetcher.allowingRemote() : new BoundedFetcher()).load(trustCerts, metadata, jwks, eamJwks, eamDiscovery);
        } catch (TrustException e) {
            throw new CliException(ExitCodes.DATA_ERR, "trust material: " + e.getMessage());
        }
    }
}
