package org.mfaharness.lab;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.lab.config.Directory;
import org.mfaharness.lab.config.LabConfig;
import org.mfaharness.lab.config.LabConfigLoader;
import org.mfaharness.lab.eam.EamProviderServer;
import org.mfaharness.lab.entra.LabEntra;
import org.mfaharness.lab.idp.Saml2Idp;
import org.mfaharness.lab.idp.WsFedIdp;
import org.mfaharness.lab.partnercenter.PartnerCenterApi;
import org.mfaharness.lab.sign.JwtSigner;
import org.mfaharness.lab.sign.SigningKey;
import org.mfaharness.lab.tls.BouncyCastleLabCa;
import org.mfaharness.lab.tls.LabTls;

/**
 * The embedded lab: lab Entra, the federated IdPs, the EAM providers and the Partner Center API, started from one
 * configuration on free loopback ports (one Undertow, one HTTPS listener per party), stopped by {@link #close()}.
 *
 * <pre>{@code
 * try (Lab lab = Lab.builder().mode(LabMode.DIRECT).start()) {
 *     CloudProfile cloud = lab.cloud();              // issuers, login.srf, Partner Center endpoints of this run
 *     SSLSocketFactory tls = lab.socketFactory();     // trusts the lab CA (MSAL4J: sslSocketFactory(tls))
 *     String authority = lab.addresses().loginBase() + "/organizations/";
 * }
 * }</pre>
 *
 * <p>Keys are generated once per start (RSA-2048 for Entra, each IdP server, a wrong key and the EAM providers;
 * EC P-256 for TLS), in parallel. Every listener binds 127.0.0.1. Thread-safe once started.
 */
public final class Lab implements AutoCloseable {
    /** Named-mode host names of the fixed parties. */
    public static final String LOGIN_HOST = "login.lab.test";
    public static final String STS_HOST = "sts.lab.test";
    public static final String PARTNER_CENTER_HOST = "api.partnercenter.lab.test";
    public static final String MANAGEMENT_HOST = "management.lab.test";
    public static final String EAM_HOST = "eam.lab.test";

    private final Undertow server;
    private final LabAddresses addresses;
    private final LabTls tls;
    private final Directory directory;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final Map<String, SigningKey> idpKeys;
    private final JwtSigner entraSigner;
    private final JwtSigner eamSigner;
    private final long startMillis;
    private final EamProviderServer eamServer;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Lab(Undertow server, LabAddresses addresses, LabTls tls, Directory directory, Path workDir,
                boolean ownsWorkDir, Map<String, SigningKey> idpKeys, JwtSigner entraSigner, JwtSigner eamSigner,
                long startMillis, EamProviderServer eamServer) {
        this.server = server;
        this.addresses = addresses;
        this.tls = tls;
        this.directory = directory;
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
        this.idpKeys = idpKeys;
        this.entraSigner = entraSigner;
        this.eamSigner = eamSigner;
        this.startMillis = startMillis;
        this.eamServer = eamServer;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How to start a lab. */
    public static final class Builder {
        private LabConfig config;
        private LabMode mode = LabMode.DIRECT;
        private Clock clock = Clock.systemUTC();
        private Path workDir;
        private Function<List<String>, LabTls> tlsFactory = BouncyCastleLabCa::create;

        private Builder() {
        }

        /** The configuration (default: the built-in one). */
        public Builder config(LabConfig c) {
            this.config = Objects.requireNonNull(c);
            return this;
        }

        /** Reads the configuration from a YAML file. */
        public Builder configFile(Path file) {
            return config(LabConfigLoader.read(file));
        }

        /** Named (host names through the proxy) or direct ({@code https://localhost:port}); default direct. */
        public Builder mode(LabMode m) {
            this.mode = Objects.requireNonNull(m);
            return this;
        }

        /** The parties' clock (tests move it to expire codes). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        /** Where the CA file is written (default: a new temporary directory, deleted on close). */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** Another TLS issuer (e.g. the proxy module's CA), given every lab host name. */
        public Builder tls(Function<List<String>, LabTls> factory) {
            this.tlsFactory = Objects.requireNonNull(factory);
            return this;
        }

        /** Starts every party; the configuration is validated first. */
        public Lab start() {
            return Lab.start(this);
        }
    }

    private static final class Switch implements HttpHandler {
        volatile HttpHandler next;

        @Override
        public void handleRequest(io.undertow.server.HttpServerExchange ex) throws Exception {
            HttpHandler h = next;
            if (h == null) {
                ex.setStatusCode(503);
                ex.endExchange();
                return;
            }
            h.handleRequest(ex);
        }
    }

    private static Lab start(Builder b) {
        long t0 = System.nanoTime();
        Directory dir = Directory.of(b.config == null ? LabConfigLoader.builtIn() : b.config);
        List<Directory.IdpInfo> idps = List.copyOf(dir.idps());

        // RSA-2048 generation dominates start-up (~100 ms a key): one thread per core, while TLS and the server start.
        ExecutorService keyPool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "mfa-harness-lab-keygen");
                    t.setDaemon(true);
                    return t;
                });
        CompletableFuture<SigningKey> entraKey = key("lab Entra token signing", keyPool);
        CompletableFuture<SigningKey> eamKey = key("lab EAM providers", keyPool);
        CompletableFuture<SigningKey> wrongKey = key("lab wrong key (not configured anywhere)", keyPool);
        Map<String, CompletableFuture<SigningKey>> idpKeyFutures = new LinkedHashMap<>();
        for (Directory.IdpInfo i : idps) {
            idpKeyFutures.put(i.id(), key("lab IdP " + i.id() + " token signing", keyPool));
        }
        keyPool.shutdown();

        List<String> names = new ArrayList<>(List.of(LOGIN_HOST, STS_HOST, PARTNER_CENTER_HOST, MANAGEMENT_HOST, EAM_HOST));
        idps.forEach(i -> names.add(i.host()));
        LabTls tls = b.tlsFactory.apply(List.copyOf(new LinkedHashSet<>(names)));

        Switch entraSwitch = new Switch();
        Switch pcSwitch = new Switch();
        Switch eamSwitch = new Switch();
        Map<String, Switch> idpSwitches = new LinkedHashMap<>();
        SSLContext sslContext = tls.serverContext();
        Undertow.Builder ub = Undertow.builder()
                .setIoThreads(2)
                .setWorkerThreads(16)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 2L * 1024 * 1024)
                .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 64 * 1024)
                .addHttpsListener(0, "127.0.0.1", sslContext, entraSwitch)
                .addHttpsListener(0, "127.0.0.1", sslContext, pcSwitch)
                .addHttpsListener(0, "127.0.0.1", sslContext, eamSwitch);
        for (Directory.IdpInfo i : idps) {
            Switch s = new Switch();
            idpSwitches.put(i.id(), s);
            ub.addHttpsListener(0, "127.0.0.1", sslContext, s);
        }
        Undertow server = ub.build();
        server.start();
        try {
            List<Undertow.ListenerInfo> li = server.getListenerInfo();
            int entraPort = port(li.get(0));
            int pcPort = port(li.get(1));
            int eamPort = port(li.get(2));
            Map<String, Integer> idpPorts = new LinkedHashMap<>();
            for (int i = 0; i < idps.size(); i++) {
                idpPorts.put(idps.get(i).id(), port(li.get(3 + i)));
            }
            Map<String, InetSocketAddress> hostMap = new LinkedHashMap<>();
            hostMap.put(LOGIN_HOST, loopback(entraPort));
            hostMap.put(STS_HOST, loopback(entraPort));
            hostMap.put(PARTNER_CENTER_HOST, loopback(pcPort));
            hostMap.put(MANAGEMENT_HOST, loopback(pcPort));
            hostMap.put(EAM_HOST, loopback(eamPort));
            idps.forEach(i -> hostMap.put(i.host(), loopback(idpPorts.get(i.id()))));
            Map<String, String> idpBases = new LinkedHashMap<>();
            LabAddresses addr;
            if (b.mode == LabMode.NAMED) {
                idps.forEach(i -> idpBases.put(i.id(), "https://" + i.host()));
                addr = new LabAddresses(LabMode.NAMED, "https://" + LOGIN_HOST, "https://" + STS_HOST,
                        "https://" + PARTNER_CENTER_HOST, "https://" + EAM_HOST, idpBases, hostMap);
            } else {
                idps.forEach(i -> idpBases.put(i.id(), "https://localhost:" + idpPorts.get(i.id())));
                addr = new LabAddresses(LabMode.DIRECT, "https://localhost:" + entraPort, "https://127.0.0.1:" + entraPort,
                        "https://localhost:" + pcPort, "https://localhost:" + eamPort, idpBases, hostMap);
            }

            Map<String, SigningKey> idpKeys = new LinkedHashMap<>();
            idpKeyFutures.forEach((id, f) -> idpKeys.put(id, f.join()));
            JwtSigner entraSigner = new JwtSigner(entraKey.join());
            JwtSigner eamSigner = new JwtSigner(eamKey.join());
            CloudProfile cloud = addr.cloud();

            EamProviderServer eam = new EamProviderServer(dir, addr.eamBase(), addr.eamRedirectUri(), cloud,
                    entraSigner.publicJwk(), eamSigner, b.clock);
            Map<String, X509Certificate> certs = new LinkedHashMap<>();
            idpKeys.forEach((id, k) -> certs.put(id, k.certificate()));
            entraSwitch.next = new LabEntra(dir, addr, b.clock, entraSigner, certs, eam::fetch);
            pcSwitch.next = new PartnerCenterApi(dir, cloud, entraSigner.publicJwk(), b.clock);
            eamSwitch.next = eam;
            for (Directory.IdpInfo i : idps) {
                SigningKey k = idpKeys.get(i.id());
                idpSwitches.get(i.id()).next = i.protocol() == Directory.Protocol.WSFED
                        ? new WsFedIdp(dir, i, addr.idpBase(i.id()), addr.loginSrf(), b.clock, k, wrongKey.join())
                        : new Saml2Idp(dir, i, addr.idpBase(i.id()), addr.loginSrf(), b.clock, k, wrongKey.join());
            }
            Path work = b.workDir;
            boolean owns = false;
            if (work == null) {
                work = Files.createTempDirectory("mfa-harness-lab-");
                owns = true;
            }
            tls.writeCaCertificate(work);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new Lab(server, addr, tls, dir, work, owns, idpKeys, entraSigner, eamSigner, ms, eam);
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static CompletableFuture<SigningKey> key(String cn, ExecutorService pool) {
        return CompletableFuture.supplyAsync(() -> SigningKey.generate(cn, Duration.ofDays(2)), pool);
    }

    private static int port(Undertow.ListenerInfo li) {
        return ((InetSocketAddress) li.getAddress()).getPort();
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** Where each party answers, and the host map. */
    public LabAddresses addresses() {
        return addresses;
    }

    /** The cloud profile of this run (derived from the mode's actual URLs). */
    public CloudProfile cloud() {
        return addresses.cloud();
    }

    /** Lab host name to {@code 127.0.0.1:port}, for the proxy (named mode; also filled in direct mode). */
    public Map<String, InetSocketAddress> hostMap() {
        return addresses.hostMap();
    }

    /** The TLS material: the CA and the shared leaf key. */
    public LabTls tls() {
        return tls;
    }

    /** The CA certificate file (PEM). */
    public Path caCertificateFile() {
        try {
            return tls.writeCaCertificate(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TLS context trusting only the lab CA. */
    public SSLContext sslContext() {
        return tls.clientContext();
    }

    /** {@link #sslContext()}'s socket factory, for MSAL4J's {@code sslSocketFactory}. */
    public SSLSocketFactory socketFactory() {
        return tls.socketFactory();
    }

    /** The SPKI pin of the leaf key, for Chromium's {@code --ignore-certificate-errors-spki-list}. */
    public String spkiPin() {
        return tls.leafSpkiPin();
    }

    /** Every configured user, in configuration order. */
    public List<LabUser> users() {
        return directory.users().stream().map(LabUser::of).toList();
    }

    /** One user by UPN. */
    public Optional<LabUser> user(String upn) {
        return directory.user(upn).map(LabUser::of);
    }

    /** The validated configuration. */
    public Directory directory() {
        return directory;
    }

    /** The signing certificate (PEM) an IdP server signs with and its domains are configured with. */
    public String idpCertificatePem(String idpId) {
        SigningKey k = idpKeys.get(idpId);
        if (k == null) {
            throw new IllegalArgumentException("no IdP " + idpId);
        }
        return k.certificatePem();
    }

    /**
     * The metadata document of a federated domain's IdP, as its operator would publish it: WS-Fed (AD FS form, with
     * the passive endpoint) or SAML 2.0 (IDPSSODescriptor, HTTP-Redirect SSO endpoint); entityID = the domain's
     * IssuerUri, the IdP's signing certificate. For clients that start from metadata, such as {@code certify}.
     */
    public String federationMetadata(String domain) {
        Directory.DomainInfo d = federated(domain);
        return org.mfaharness.lab.idp.IdpMetadata.of(d, addresses.idpBase(d.idp().id()), idpKeys.get(d.idp().id()).certificate());
    }

    /**
     * Where the domain's IdP publishes {@link #federationMetadata(String)}: AD FS's
     * {@code /FederationMetadata/2007-06/FederationMetadata.xml} or the SAML 2.0 IdP's {@code /saml2/metadata}, with
     * {@code ?domain=} naming the domain (an IdP may serve several, each with its own entityID).
     */
    public String federationMetadataUrl(String domain) {
        Directory.DomainInfo d = federated(domain);
        String path = d.idp().protocol() == Directory.Protocol.WSFED ? "/FederationMetadata/2007-06/FederationMetadata.xml"
                : "/saml2/metadata";
        return addresses.idpBase(d.idp().id()) + path + "?domain=" + java.net.URLEncoder.encode(d.name(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private Directory.DomainInfo federated(String domain) {
        return directory.domain(domain).filter(x -> x.idp() != null)
                .orElseThrow(() -> new IllegalArgumentException("no federated domain " + domain));
    }

    /**
     * Makes every lab EAM provider also accept {@code id_token_hint}s signed by the keys of this JWKS, as a provider
     * configured with another Entra's metadata would (a stand-in Entra such as {@code certify}); lab Entra's own key
     * stays trusted.
     */
    public void trustEamHintKeys(String jwksJson) {
        try {
            eamServer.trustHintKeys(com.nimbusds.jose.jwk.JWKSet.parse(jwksJson).getKeys().stream()
                    .filter(k -> k instanceof com.nimbusds.jose.jwk.RSAKey).map(k -> (com.nimbusds.jose.jwk.RSAKey) k).toList());
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("not a JWKS: " + e.getMessage(), e);
        }
    }

    /** Lab Entra's token-signing certificate (PEM; its public key is the JWKS key). */
    public String entraSigningCertificatePem() {
        return entraSigner.key().certificatePem();
    }

    /** Lab Entra's JWKS, as served at {@code /common/discovery/v2.0/keys}. */
    public String entraJwks() {
        return entraSigner.jwksJson();
    }

    /** The EAM providers' public keys as a JWKS (what their jwks_uri serves, with x5c). */
    public String eamJwks() {
        return eamSigner.jwksJson();
    }

    /** The EAM providers' signing certificate (PEM). */
    public String eamSigningCertificatePem() {
        return eamSigner.key().certificatePem();
    }

    /** How long {@link Builder#start()} took, from reading the configuration to the last listener, in ms. */
    public long startupMillis() {
        return startMillis;
    }

    /** Stops every party and deletes the temporary work directory (if the lab made it). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop();
        if (ownsWorkDir) {
            try (Stream<Path> paths = Files.walk(workDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // Best effort: the directory holds only the public CA certificate.
            }
        }
    }
}
