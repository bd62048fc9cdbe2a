package org.mfaharness.certify.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.Origin;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.Delivery;
import org.mfaharness.certify.EamTarget;
import org.mfaharness.certify.FederationTarget;
import org.mfaharness.certify.Leg;
import org.mfaharness.certify.LegFinding;
import org.mfaharness.certify.LegName;
import org.mfaharness.certify.ModuleVerdict;
import org.mfaharness.certify.Outcome;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.testing.TestKeys;
import org.mfaharness.testing.WsFedBuilder;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.Severity;
import org.mfaharness.verify.chain.ChainJudge;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.TrustMaterial;

/**
 * Hand-built sign-ins for the certify modules, shaped as {@code Certifier} builds them: each leg's artifacts are what
 * the detector finds in the request the browser sent to the IdP and the form the IdP posted to login.srf (or the EAM
 * redirect URI), judged by the real verdict engine ({@link ChainJudge}) at the time the leg ended, with the trust of
 * the metadata (the test IdP key). Unlike a real run, a leg's chain is judged on its own artifacts only (no IdP pages,
 * so the false-positive guard sees no second factor and raises nothing). Legs run one after the other from
 * {@link #T0}, 40 s apart, each lasting 30 s.
 */
final class Signins {
    static final CloudProfile CLOUD = CloudProfile.PUBLIC;
    static final String PASSIVE = "https://adfs.fabrikam.test/adfs/ls/";
    static final String SSO = "https://idp.contoso.test/saml/sso";
    static final String EAM_PATH = "/common/federation/externalauthprovider";
    static final String IMMUTABLE_ID_NS = "http://schemas.microsoft.com/LiveID/Federation/2008/05";
    /** When the run's first sign-in started. */
    static final Instant T0 = Instant.now().minus(Duration.ofMinutes(3));

    static final String TYPED_USER = "step 1 at https://adfs.fabrikam.test/adfs/ls/: typed the user name into userNameInput and clicked Next [AdfsFormsDriver]";
    static final String TYPED_PASSWORD = "step 2 at https://adfs.fabrikam.test/adfs/ls/: typed the password into passwordInput and clicked Sign in [AdfsFormsDriver]";
    static final String TYPED_CODE = "step 3 at https://adfs.fabrikam.test/adfs/ls/: typed the current TOTP code into otp and clicked Verify [AdfsFormsDriver]";

    private static final AtomicInteger HOP = new AtomicInteger();

    private Signins() {
    }

    static JudgeOptions options(TrustMaterial trust) {
        return new JudgeOptions(Instant.now(), JudgeOptions.DEFAULT_CLOCK_SKEW, null, CLOUD, trust, null, null);
    }

    /** The judging options of a federated run: the metadata's certificate (the test IdP key) trusted. */
    static JudgeOptions federatedOptions() {
        return options(new TrustMaterial(List.of(TestKeys.IDP.certificate()), null, List.of(), List.of(), null));
    }

    static FederationTarget metadata(List<X509Certificate> certs, String passive, String sso) {
        return new FederationTarget("test-metadata.xml", "http://adfs.fabrikam.test/adfs/services/trust", certs, passive, sso);
    }

    static FederationTarget metadata() {
        return metadata(List.of(TestKeys.IDP.certificate()), PASSIVE, SSO);
    }

    static CertificationEvidence wsfed(Leg... legs) {
        return new CertificationEvidence("wsfed", CLOUD, federatedOptions(), metadata(), null, List.of(legs), null);
    }

    static CertificationEvidence saml2(Leg... legs) {
        return new CertificationEvidence("saml2", CLOUD, federatedOptions(), metadata(), null, List.of(legs), null);
    }

    static CertificationEvidence eam(EamTarget target, Leg... legs) {
        return new CertificationEvidence("eam", CLOUD, options(TrustMaterial.none()), null, target, List.of(legs), null);
    }

    /** When sign-in {@code n} starts. */
    static Instant startOf(LegName n) {
        return T0.plusSeconds(40L * (n.ordinal() % 3));
    }

    /**
     * An RSTR as AD FS issues it for the test user (UPN and ImmutableID), signed with the metadata's key, its
     * AuthenticationInstant and validity starting 10 s into sign-in {@code n}; the MFA claim in step-up legs.
     */
    static WsFedBuilder rstr(LegName n) {
        Instant at = startOf(n).plusSeconds(10);
        return WsFedBuilder.rstr().attribute("ImmutableID", IMMUTABLE_ID_NS, "Ek1kNDbc2Ee3JZ0GQhEJwQ==")
                .authenticationMethod(n == LegName.NO_STEP_UP ? WsFedBuilder.PASSWORD : WsFedBuilder.MULTIPLEAUTHN)
                .validity(at, at.plus(Duration.ofHours(1)));
    }

    static LegBuilder leg(LegName n) {
        return new LegBuilder(n);
    }

    /** A WS-Fed sign-in that completed: wsignin1.0 (with wauth for step-up legs, wfresh=0 for fresh) and the RSTR back with wctx. */
    static LegBuilder wsfedSignIn(LegName n, String rstr) {
        String wctx = "mfa-harness-certify:" + n.label();
        LegBuilder b = leg(n).sent("wctx", wctx);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("wa", "wsignin1.0");
        q.put("wtrealm", CloudProfile.MICROSOFT_ONLINE_AUDIENCE);
        q.put("wctx", wctx);
        q.put("wreply", CLOUD.loginSrf());
        if (n != LegName.NO_STEP_UP) {
            q.put("wauth", "http://schemas.microsoft.com/claims/multipleauthn");
        }
        if (n == LegName.FRESH) {
            q.put("wfresh", "0");
        }
        b.request(PASSIVE + "?" + form(q));
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put("wa", "wsignin1.0");
        posted.put("wresult", rstr);
        posted.put("wctx", wctx);
        return b.posted("/login.srf", posted).steps(TYPED_USER, TYPED_PASSWORD, TYPED_CODE);
    }

    /** A SAML 2.0 sign-in that completed: an HTTP-Redirect AuthnRequest with RelayState, and the Response back with it. */
    static LegBuilder saml2SignIn(LegName n, String requestId, String responseXml) {
        String relay = "relay-" + n.label();
        boolean stepUp = n != LegName.NO_STEP_UP;
        String req = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"" + requestId + "\" IssueInstant=\""
                + T0 + "\" Version=\"2.0\" AssertionConsumerServiceIndex=\"0\"" + (n == LegName.FRESH ? " ForceAuthn=\"true\"" : "") + ">"
                + "<saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">urn:federation:MicrosoftOnline</saml:Issuer>"
                + "<samlp:NameIDPolicy Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\"/>"
                + (stepUp ? "<samlp:RequestedAuthnContext Comparison=\"exact\"><saml:AuthnContextClassRef xmlns:saml=\"urn:oasis:names:tc:"
                        + "SAML:2.0:assertion\">http://schemas.microsoft.com/claims/multipleauthn</saml:AuthnContextClassRef>"
                        + "</samlp:RequestedAuthnContext>" : "")
                + "</samlp:AuthnRequest>";
        Map<String, String> q = new LinkedHashMap<>();
        q.put("SAMLRequest", Base64.getEncoder().encodeToString(deflate(req)));
        q.put("RelayState", relay);
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put("SAMLResponse", Base64.getEncoder().encodeToString(responseXml.getBytes(StandardCharsets.UTF_8)));
        posted.put("RelayState", relay);
        return leg(n).sent("AuthnRequest ID", requestId).sent("RelayState", relay).request(SSO + "?" + form(q))
                .posted("/login.srf", posted).steps(TYPED_USER, TYPED_PASSWORD, TYPED_CODE);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static byte[] deflate(String s) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(s.getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** Builds one {@link Leg}; what the browser sent and received becomes artifacts judged by the verdict engine. */
    static final class LegBuilder {
        private final LegName name;
        private final Instant started;
        private final Instant finished;
        private final Map<String, String> sent = new LinkedHashMap<>();
        private final List<String[]> requests = new ArrayList<>(); // {method, url, body}
        private final List<Map.Entry<String, Map<String, String>>> posts = new ArrayList<>(); // path, form fields
        private final List<String> steps = new ArrayList<>();
        private String failure;
        private String failureKind;

        private LegBuilder(LegName name) {
            this.name = name;
            this.started = startOf(name);
            this.finished = started.plusSeconds(30);
        }

        LegBuilder sent(String k, String v) {
            sent.put(k, v);
            return this;
        }

        /** The browser's GET of the IdP with this URL (the sign-in request). */
        LegBuilder request(String url) {
            requests.add(new String[] {"GET", url, url});
            return this;
        }

        /** A form the IdP or provider made the browser POST to the stand-in Entra endpoint at {@code path}. */
        LegBuilder posted(String path, Map<String, String> fields) {
            posts.add(Map.entry(path, new LinkedHashMap<>(fields)));
            return this;
        }

        /** Changes (or, with null, removes) a field of the last form posted to the stand-in. */
        LegBuilder postedField(String field, String value) {
            Map<String, String> f = posts.get(posts.size() - 1).getValue();
            if (value == null) {
                f.remove(field);
            } else {
                f.put(field, value);
            }
            return this;
        }

        LegBuilder steps(String... s) {
            steps.clear();
            steps.addAll(List.of(s));
            return this;
        }

        /** The sign-in stopped before the stand-in Entra endpoint: nothing was posted there. */
        LegBuilder failed(String kind, String why) {
            this.failureKind = kind;
            this.failure = why;
            posts.clear();
            return this;
        }

        Leg build() {
            ArtifactDetector detector = new ArtifactDetector(CLOUD, null);
            List<Artifact> artifacts = new ArrayList<>();
            for (String[] x : requests) {
                artifacts.addAll(detector.detect(x[2], new Origin(HOP.incrementAndGet(), started, x[0], x[1], null, "request")));
            }
            List<Delivery> deliveries = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> p : posts) {
                String url = p.getKey().equals("/login.srf") ? CLOUD.loginSrf()
                        : "https://" + java.net.URI.create(CLOUD.loginSrf()).getHost() + p.getKey();
                artifacts.addAll(detector.detect(form(p.getValue()), new Origin(HOP.incrementAndGet(), finished, "POST", url, null, "request")));
                deliveries.add(new Delivery(p.getKey(), p.getValue(), finished));
            }
            ChainJudgement chain = new ChainJudge(federatedOptions().at(finished)).judge(artifacts);
            // The fixture's steps stand for what the drivers did; the context records typing as the drivers phrase it
            // ("typed the password into FIELD", "filled FIELD with ${password}", "typed the current TOTP code into FIELD").
            boolean typedPassword = steps.stream().anyMatch(s -> s.contains(" the password into ") || s.contains("${password}"));
            boolean typedCode = steps.stream().anyMatch(s -> s.contains(" TOTP code into "));
            return new Leg(name, started, finished, sent, artifacts, chain.hops(), chain, deliveries, steps, typedPassword,
                    typedCode, failure, failureKind);
        }
    }

    // ------------------------------------------------------------------ assertions

    /** The module failed on {@code code}, and the failing finding carries that code's remediation. */
    static LegFinding assertFails(ModuleVerdict v, CertifyCode code) {
        assertThat(v.outcome()).as(v.message()).isEqualTo(Outcome.FAIL);
        assertThat(code.passes()).isFalse();
        LegFinding f = v.evidence().stream().filter(e -> e.finding().code().equals(code.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " finding in " + v.evidence()));
        assertThat(f.finding().severity()).isEqualTo(Severity.FAIL);
        assertThat(f.finding().remediation()).isNotBlank().isEqualTo(code.remediation());
        assertThat(v.message()).contains(f.finding().message());
        return f;
    }

    /** The module passed, resting on a {@code code} finding; nothing in its evidence fails. */
    static void assertPasses(ModuleVerdict v, CertifyCode code) {
        assertThat(v.outcome()).as(v.message()).isEqualTo(Outcome.PASS);
        assertThat(code.passes()).isTrue();
        assertThat(v.evidence()).extracting(e -> e.finding().code()).contains(code.name());
        assertThat(v.evidence()).allSatisfy(e -> assertThat(e.finding().severity()).isNotEqualTo(Severity.FAIL));
    }

    static void assertNotRun(ModuleVerdict v) {
        assertThat(v.outcome()).as(v.message()).isEqualTo(Outcome.NOT_RUN);
        assertThat(v.evidence()).allSatisfy(e -> assertThat(e.finding().severity()).isNotEqualTo(Severity.FAIL));
    }
}
