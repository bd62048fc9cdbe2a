package org.mfaharness.certify.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.mfaharness.certify.CertifyException;
import org.mfaharness.certify.TestPlan;
import org.mfaharness.certify.plan.Plans;
import org.mfaharness.certify.run.Certifier;
import org.mfaharness.certify.run.CertifyOptions;
import org.mfaharness.certify.run.EntraStandIn;
import org.mfaharness.certify.run.TestUser;
import org.mfaharness.lab.Lab;
import org.mfaharness.lab.LabMode;
import org.mfaharness.lab.LabUser;
import org.mfaharness.lab.config.LabConfigLoader;
import org.mfaharness.proxy.files.PrivateFiles;
import org.mfaharness.scenario.browser.BrowserKind;
import org.mfaharness.scenario.driver.Secret;
import org.mfaharness.totp.Totp;

/**
 * The plans' acceptance test: the embedded lab (named mode) with one federated domain per IdP behaviour and one EAM
 * provider per provider behaviour — each planting one fault of the spec — and every plan run against each of them,
 * with the harness as Entra. A behaviour meets its expectation when exactly the expected modules do not pass
 * (the fault is caught by the module that names it, and by no other). Thread-safe once started.
 */
public final class CertifyLab implements AutoCloseable {
    /** The lab tenant of the acceptance configuration. */
    public static final String TENANT = "0c5e7a4d-2b1f-4c3e-9a8d-6f1e2d3c4b5a";
    static final String WSFED_FAULT_URI = "https://schemas.microsoft.com/claims/multipleauthn";

    /**
     * One planted behaviour.
     *
     * @param plan        the plan that certifies it
     * @param id          the behaviour's id (the lab domain is {@code <plan>-<id>.certify.lab.test}, the EAM provider {@code <id>})
     * @param description what is planted
     * @param knobs       the IdP knobs (YAML flow mapping) or the EAM provider behaviour
     * @param expected    the modules expected not to pass, as {@code Module=OUTCOME}, sorted
     * @param trusted     EAM: whether the provider is told to trust the stand-in Entra's keys
     */
    public record Behaviour(String plan, String id, String description, String knobs, List<String> expected, boolean trusted) {
        public Behaviour {
            expected = expected.stream().sorted().toList();
        }

        /** The lab domain of a federated behaviour. */
        public String domain() {
            return plan + "-" + id + ".certify.lab.test";
        }

        /** The test user of this behaviour. */
        public String upn() {
            return plan.equals("eam") ? id + (trusted ? "" : "-untrusting") + "@eam.certify.lab.test" : "user@" + domain();
        }
    }

    /**
     * One row of the acceptance table.
     *
     * @param plan      the plan
     * @param behaviour the behaviour's id
     * @param expected  the modules expected not to pass
     * @param actual    the modules that did not pass
     * @param met       whether they are the same
     * @param runDir    the run folder, or null when the run could not start
     * @param error     why the run could not start, or null
     */
    public record Row(String plan, String behaviour, List<String> expected, List<String> actual, boolean met, Path runDir, String error) {
    }

    private static final List<String> EAM_TOKEN_MODULES = List.of("IdTokenSignatureVerifies", "IssuerMatchesDiscovery",
            "AudienceIsClientId", "IdTokenSubjectIsHintSubject", "NonceEchoed", "IdTokenLifetimeValid", "SingleRequestedAcr",
            "SingleAllowedAmr");

    /** Every behaviour, in table order. */
    public static final List<Behaviour> BEHAVIOURS = List.of(
            fed("wsfed", "conformant", "claim in AuthenticationStatement after the second factor, asked for by wauth",
                    "{mfaClaim: authn-statement, secondFactor: on-request}"),
            fed("wsfed", "authenticationmethod-attribute", "claim in the authenticationmethod attribute",
                    "{mfaClaim: authenticationmethod-attribute, secondFactor: on-request}"),
            fed("wsfed", "amr-attribute", "claim in AD FS's authnmethodsreferences pass-through",
                    "{mfaClaim: amr-attribute, secondFactor: on-request}"),
            fed("wsfed", "wstrust13", "WS-Trust 1.3 RSTR", "{mfaClaim: authn-statement, secondFactor: on-request, wsTrust: '1.3'}"),
            fed("wsfed", "no-claim", "second factor done, no MFA claim", "{mfaClaim: none, secondFactor: on-request}",
                    "StepUpYieldsDocumentedMfaClaim=FAIL"),
            fed("wsfed", "claim-without-mfa", "MFA claimed without any second factor (static claim)",
                    "{mfaClaim: authn-statement, secondFactor: never, claimMfa: always}", "NoClaimWithoutSecondFactor=FAIL"),
            fed("wsfed", "https-typo", "https:// instead of http:// in the MFA URI",
                    "{mfaClaim: authn-statement, mfaUri: '" + WSFED_FAULT_URI + "', secondFactor: on-request}",
                    "StepUpYieldsDocumentedMfaClaim=FAIL"),
            fed("wsfed", "wiaormultiauthn", "only wiaormultiauthn after the second factor",
                    "{mfaClaim: authn-statement, mfaUri: 'http://schemas.microsoft.com/claims/wiaormultiauthn', secondFactor: on-request}",
                    "StepUpYieldsDocumentedMfaClaim=WARN"),
            fed("wsfed", "wauth-ignored", "wauth ignored: no second factor, no claim",
                    "{mfaClaim: authn-statement, secondFactor: on-request, ignoreMfaRequest: true}", "StepUpYieldsDocumentedMfaClaim=FAIL"),
            fed("wsfed", "wrong-audience", "audience of another relying party",
                    "{mfaClaim: authn-statement, secondFactor: on-request, audience: 'urn:example:another-app'}", "AudienceIsMicrosoftOnline=FAIL"),
            fed("wsfed", "unsigned", "assertion not signed", "{mfaClaim: authn-statement, secondFactor: on-request, signature: none}",
                    "AssertionSignatureVerifies=FAIL"),
            fed("wsfed", "wrong-key", "signed with a key not in the metadata",
                    "{mfaClaim: authn-statement, secondFactor: on-request, signature: wrong-key}", "AssertionSignatureVerifies=FAIL"),
            fed("wsfed", "sha1", "RSA-SHA1 signature", "{mfaClaim: authn-statement, secondFactor: on-request, signature: rsa-sha1}",
                    "AssertionSignatureVerifies=WARN"),
            fed("wsfed", "expired", "validity window ended an hour ago", "{mfaClaim: authn-statement, secondFactor: on-request, expired: true}",
                    "AssertionLifetimeValid=FAIL"),
            fed("saml2", "conformant", "AuthnContextClassRef multipleauthn after the second factor, asked for by RequestedAuthnContext",
                    "{mfaClaim: class-ref, secondFactor: on-request}"),
            fed("saml2", "no-claim", "second factor done, PasswordProtectedTransport", "{mfaClaim: none, secondFactor: on-request}",
                    "StepUpYieldsDocumentedMfaClaim=FAIL"),
            fed("saml2", "attribute-only", "MFA only in attributes (authnmethodsreferences, multifactorauthenticationinstant)",
                    "{mfaClaim: saml2-attributes-only, secondFactor: on-request}", "AttributeOnlyMfaIsNotAccepted=FAIL"),
            fed("saml2", "claim-without-mfa", "MFA claimed without any second factor",
                    "{mfaClaim: class-ref, secondFactor: never, claimMfa: always}", "NoClaimWithoutSecondFactor=FAIL"),
            fed("saml2", "https-typo", "https:// instead of http:// in the ClassRef",
                    "{mfaClaim: class-ref, mfaUri: '" + WSFED_FAULT_URI + "', secondFactor: on-request}", "StepUpYieldsDocumentedMfaClaim=FAIL"),
            fed("saml2", "wrong-audience", "audience of another relying party",
                    "{mfaClaim: class-ref, secondFactor: on-request, audience: 'urn:example:another-app'}", "AudienceIsMicrosoftOnline=FAIL"),
            fed("saml2", "unsigned", "assertion not signed", "{mfaClaim: class-ref, secondFactor: on-request, signature: none}",
                    "AssertionSignatureVerifies=FAIL"),
            fed("saml2", "wrong-key", "signed with a key not in the metadata",
                    "{mfaClaim: class-ref, secondFactor: on-request, signature: wrong-key}", "AssertionSignatureVerifies=FAIL"),
            fed("saml2", "sha1", "RSA-SHA1 signature", "{mfaClaim: class-ref, secondFactor: on-request, signature: rsa-sha1}",
                    "AssertionSignatureVerifies=WARN"),
            fed("saml2", "expired", "validity window ended an hour ago", "{mfaClaim: class-ref, secondFactor: on-request, expired: true}",
                    "AssertionLifetimeValid=FAIL"),
            eam("conformant", "amr [otp], sub from the hint, nonce echoed, exact issuer, x5c on every key", true),
            eam("amr-mfa", "amr [\"mfa\"]", true, "SingleAllowedAmr=FAIL"),
            eam("two-amr", "amr [\"otp\", \"sms\"]", true, "SingleAllowedAmr=FAIL"),
            eam("sub-is-oid", "sub = the user's oid instead of the hint's sub", true, "IdTokenSubjectIsHintSubject=FAIL"),
            eam("no-nonce", "no nonce in the id_token", true, "NonceEchoed=FAIL"),
            eam("issuer-trailing-slash", "id_token iss = discovery issuer + /", true, "IssuerMatchesDiscovery=FAIL"),
            eam("jwk-without-x5c", "JWKS key without x5c", true, "JwksKeysHaveX5c=FAIL"),
            eamAccessDenied(),
            eamUntrusting());

    private static Behaviour fed(String plan, String id, String description, String knobs, String... expected) {
        return new Behaviour(plan, id, description, knobs, List.of(expected), true);
    }

    private static Behaviour eam(String id, String description, boolean trusted, String... expected) {
        return new Behaviour("eam", id, description, id, List.of(expected), trusted);
    }

    private static Behaviour eamAccessDenied() {
        List<String> e = new ArrayList<>(List.of("ProviderIssuesIdTokenAfterSecondFactor=FAIL"));
        EAM_TOKEN_MODULES.forEach(m -> e.add(m + "=NOT_RUN"));
        return new Behaviour("eam", "access-denied", "answers error=access_denied at once, without a second factor", "access-denied", e, true);
    }

    private static Behaviour eamUntrusting() {
        List<String> e = new ArrayList<>();
        Plans.named("eam").orElseThrow().entries().stream().map(p -> p.module().name())
                .filter(n -> !n.equals("DiscoveryDocumentConforms") && !n.equals("JwksKeysHaveX5c"))
                .forEach(n -> e.add(n + "=NOT_RUN"));
        return new Behaviour("eam", "conformant", "conformant, but trusts only its own Entra's keys (as a production provider "
                + "trusts only Microsoft's): the live modules cannot run", "conformant", e, false);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Lab lab;
    private final Path work;
    private final EntraStandIn standIn = EntraStandIn.generate();

    private CertifyLab(Lab lab, Path work) {
        this.lab = lab;
        this.work = work;
    }

    /** Starts the acceptance lab (named mode, so the harness can stand in for login.lab.test). */
    public static CertifyLab start() {
        try {
            Path work = Files.createTempDirectory("mfa-harness-certify-lab-");
            try {
                Lab lab = Lab.builder().mode(LabMode.NAMED).config(LabConfigLoader.parse(configYaml(), "certify acceptance lab"))
                        .workDir(work).start();
                return new CertifyLab(lab, work);
            } catch (RuntimeException e) {
                PrivateFiles.deleteTreeQuietly(work);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Lab lab() {
        return lab;
    }

    /** The lab configuration: one domain per federated behaviour, one EAM provider per provider behaviour. */
    static String configYaml() {
        StringBuilder y = new StringBuilder();
        y.append("idps:\n  - {id: adfs, protocol: wsfed, host: adfs.certify.lab.test, displayName: Certify AD FS}\n")
                .append("  - {id: saml, protocol: saml2, host: idp.certify.lab.test, displayName: Certify SAML IdP}\n")
                .append("eamProviders:\n");
        List<String> providers = BEHAVIOURS.stream().filter(b -> b.plan().equals("eam")).map(Behaviour::knobs).distinct().toList();
        for (String p : providers) {
            y.append("  - {id: ").append(p).append(", behavior: ").append(p).append("}\n");
        }
        y.append("tenants:\n  - id: ").append(TENANT).append("\n    name: Certify Lab\n    domains:\n");
        for (Behaviour b : BEHAVIOURS) {
            if (!b.plan().equals("eam")) {
                y.append("      - {name: ").append(b.domain()).append(", protocol: ").append(b.plan()).append(", idp: ")
                        .append(b.plan().equals("wsfed") ? "adfs" : "saml").append(", federatedIdpMfaBehavior: enforceMfaByFederatedIdp,")
                        .append(" idpBehavior: ").append(b.knobs()).append("}\n");
            }
        }
        y.append("      - {name: eam.certify.lab.test, protocol: managed+eam, eamProvider: conformant}\n    users:\n");
        for (Behaviour b : BEHAVIOURS) {
            y.append("      - {upn: ").append(b.upn()).append(", password: '").append(token()).append("', totpSeed: ")
                    .append(Totp.randomBase32Seed(RANDOM));
            if (b.plan().equals("eam")) {
                y.append(", eamProvider: ").append(b.knobs());
            } else {
                y.append(", immutableId: '").append(Base64.getEncoder().encodeToString(bytes(16))).append("'");
            }
            y.append("}\n");
        }
        return y.toString();
    }

    /** The options that certify one behaviour (the metadata written from the lab; the user from the lab). */
    public CertifyOptions.Builder options(Behaviour b, BrowserKind browser, Path out) throws IOException {
        TestPlan plan = Plans.named(b.plan()).orElseThrow();
        LabUser u = lab.user(b.upn()).orElseThrow();
        TestUser user = new TestUser(u.upn(), Secret.of(u.password()), Secret.of(u.totpSeed()), List.of(), u.tenantId(), u.objectId(),
                null);
        String metadata;
        String clientId = null;
        if (b.plan().equals("eam")) {
            metadata = lab.addresses().eamDiscovery(b.knobs());
            clientId = lab.directory().eamProvider(b.knobs()).orElseThrow().clientId();
        } else {
            metadata = lab.federationMetadataUrl(b.domain());
        }
        return CertifyOptions.builder(plan, metadata).lab(lab).user(user).clientId(clientId).browser(browser).out(out)
                // A provider that trusts only its own Entra gets a stand-in key the lab was never told about.
                .labTrustsStandIn(b.trusted()).standIn(b.trusted() ? standIn : EntraStandIn.generate())
                .product("lab " + b.plan() + " " + (b.plan().equals("eam") ? "provider" : "IdP") + " (" + b.id()
                        + (b.trusted() ? "" : ", trusting only its own Entra") + ")");
    }

    /** Certifies one behaviour and compares the modules that did not pass with the expectation. */
    public Row run(Behaviour b, BrowserKind browser, Path out, String version, Consumer<String> progress) {
        try {
            CertifyOptions o = options(b, browser, out).version(version).progress(progress).build();
            Certifier.Result r = new Certifier(o).run();
            List<String> actual = r.certification().nonPassing();
            return new Row(b.plan(), label(b), b.expected(), actual, actual.equals(b.expected()), r.runDir(), null);
        } catch (CertifyException | IOException | RuntimeException e) {
            return new Row(b.plan(), label(b), b.expected(), List.of(), false, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static String label(Behaviour b) {
        return b.id() + (b.trusted() ? "" : " (trusts only its own Entra)");
    }

    /** Every behaviour (or those of {@code plans}), {@code parallel} at a time; rows in table order. */
    public List<Row> runAll(List<String> plans, BrowserKind browser, Path out, int parallel, String version, Consumer<String> progress)
            throws InterruptedException {
        List<Behaviour> todo = BEHAVIOURS.stream().filter(b -> plans.isEmpty() || plans.contains(b.plan())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), r -> {
            Thread t = new Thread(r, "mfa-harness-certify-lab");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (Behaviour b : todo) {
                futures.add(pool.submit(() -> run(b, browser, out, version, progress)));
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    rows.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Behaviour b = todo.get(i);
                    rows.add(new Row(b.plan(), label(b), b.expected(), List.of(), false, null, String.valueOf(e.getCause())));
                }
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(18));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @Override
    public void close() {
        lab.close();
        PrivateFiles.deleteTreeQuietly(work);
    }
}
