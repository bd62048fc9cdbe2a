package org.mfaharness.lab.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.totp.Totp;

/**
 * The validated, resolved lab configuration every party reads: tenants, domains, users, IdP servers, EAM providers,
 * clients and resources, looked up by id, name or UPN. Immutable and thread-safe. Built with {@link #of(LabConfig)},
 * which reports every problem at once with its path.
 */
public final class Directory {
    /** The Partner Center API resource of the lab, the {@code aud} of its v1 access tokens (named and direct mode). */
    public static final String PARTNER_CENTER_RESOURCE = "https://api.partnercenter.lab.test";
    /** The default URI Entra and IdPs use to say "MFA was done". */
    public static final String MULTIPLE_AUTHN = "http://schemas.microsoft.com/claims/multipleauthn";

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** How a domain's users authenticate. */
    public enum Protocol {
        MANAGED("managed"), MANAGED_EAM("managed+eam"), WSFED("wsfed"), SAML2("saml2");

        public final String id;

        Protocol(String id) {
            this.id = id;
        }

        public boolean federated() {
            return this == WSFED || this == SAML2;
        }

        static Optional<Protocol> of(String s) {
            return Arrays.stream(values()).filter(p -> p.id.equals(s)).findFirst();
        }
    }

    /** The effective {@code federatedIdpMfaBehavior} of a federated domain. */
    public enum MfaBehavior {
        ACCEPT("acceptIfMfaDoneByFederatedIdp"), ENFORCE("enforceMfaByFederatedIdp"), REJECT("rejectMfaByFederatedIdp");

        public final String id;

        MfaBehavior(String id) {
            this.id = id;
        }

        static Optional<MfaBehavior> of(String s) {
            return Arrays.stream(values()).filter(p -> p.id.equals(s)).findFirst();
        }
    }

    /** Where an IdP places the MFA URI. */
    public enum ClaimPlacement {
        AUTHN_STATEMENT("authn-statement"), AUTHENTICATIONMETHOD_ATTRIBUTE("authenticationmethod-attribute"),
        AMR_ATTRIBUTE("amr-attribute"), CLASS_REF("class-ref"), SAML2_ATTRIBUTES_ONLY("saml2-attributes-only"),
        NONE("none");

        public final String id;

        ClaimPlacement(String id) {
            this.id = id;
        }
    }

    /** When an IdP asks for its second factor. */
    public enum SecondFactor {
        ALWAYS("always"), ON_REQUEST("on-request"), NEVER("never");

        public final String id;

        SecondFactor(String id) {
            this.id = id;
        }
    }

    /** When an IdP emits the MFA claim. */
    public enum ClaimMfa {
        WHEN_DONE("when-done"), ALWAYS("always"), NEVER("never");

        public final String id;

        ClaimMfa(String id) {
            this.id = id;
        }
    }

    /** How an IdP signs its assertion. */
    public enum Signature {
        RSA_SHA256("rsa-sha256"), RSA_SHA1("rsa-sha1"), NONE("none"), WRONG_KEY("wrong-key");

        public final String id;

        Signature(String id) {
            this.id = id;
        }
    }

    /** An EAM provider's behaviour. */
    public enum EamBehavior {
        CONFORMANT("conformant"), AMR_MFA("amr-mfa"), TWO_AMR("two-amr"), SUB_IS_OID("sub-is-oid"),
        NO_NONCE("no-nonce"), ISSUER_TRAILING_SLASH("issuer-trailing-slash"), JWK_WITHOUT_X5C("jwk-without-x5c"),
        ACCESS_DENIED("access-denied");

        public final String id;

        EamBehavior(String id) {
            this.id = id;
        }
    }

    /** Resolved IdP knobs for one domain. */
    public record Knobs(ClaimPlacement mfaClaim, String mfaUri, SecondFactor secondFactor, boolean ignoreMfaRequest,
                        ClaimMfa claimMfa, Signature signature, String audience, boolean expired, boolean wsTrust13) {
    }

    /** A tenant. */
    public record TenantInfo(String id, String name, LabConfig.Policy policy, List<String> delegatedAdminPartners) {
        /** Whether this tenant's policy demands MFA for the resource. */
        public boolean mfaRequiredFor(String resource) {
            return policy.mfaRequiredFor().stream().anyMatch(r -> sameResource(r, resource));
        }
    }

    /** A domain of a tenant. */
    public record DomainInfo(String name, String tenantId, Protocol protocol, IdpInfo idp, MfaBehavior mfaBehavior,
                             String federatedIdpMfaBehavior, Boolean supportsMfa, String issuerUri, Knobs knobs,
                             String eamProvider) {
    }

    /** A user; {@link #toString()} hides the secrets. */
    public record UserInfo(String upn, String tenantId, DomainInfo domain, String objectId, String immutableId,
                           String password, String totpSeed, String displayName, String eamProvider, boolean blocked,
                           String scenario) {
        @Override
        public String toString() {
            return "UserInfo[" + upn + ", secrets redacted]";
        }
    }

    /** An IdP server. */
    public record IdpInfo(String id, Protocol protocol, String host, String displayName) {
    }

    /** An EAM provider. */
    public record EamInfo(String id, String clientId, EamBehavior behavior) {
    }

    private final Map<String, TenantInfo> tenants = new LinkedHashMap<>();
    private final Map<String, DomainInfo> domains = new LinkedHashMap<>();
    private final Map<String, UserInfo> users = new LinkedHashMap<>();
    private final Map<String, IdpInfo> idps = new LinkedHashMap<>();
    private final Map<String, EamInfo> eams = new LinkedHashMap<>();
    private final Map<String, LabConfig.Client> clients = new LinkedHashMap<>();
    private final List<LabConfig.Resource> resources = new ArrayList<>();
    private final LabConfig.Lifetimes lifetimes;

    private Directory(LabConfig.Lifetimes lifetimes) {
        this.lifetimes = lifetimes;
    }

    /** Validates and resolves a configuration; every problem is listed in one {@link LabConfigException}. */
    public static Directory of(LabConfig c) {
        Directory d = new Directory(c.lifetimes());
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < c.idps().size(); i++) {
            LabConfig.Idp idp = c.idps().get(i);
            String at = "idps[" + i + "]";
            if (blank(idp.id())) {
                errors.add(at + ": 'id' is missing");
                continue;
            }
            Protocol p = Protocol.of(idp.protocol()).filter(Protocol::federated).orElse(null);
            if (p == null) {
                errors.add(at + ": 'protocol' must be wsfed or saml2, not " + quote(idp.protocol()));
                continue;
            }
            if (blank(idp.host())) {
                errors.add(at + ": 'host' is missing (its name in named mode, e.g. adfs.fabrikam.lab.test)");
                continue;
            }
            if (d.idps.put(idp.id(), new IdpInfo(idp.id(), p, idp.host().toLowerCase(Locale.ROOT),
                    idp.displayName() == null ? idp.id() : idp.displayName())) != null) {
                errors.add(at + ": duplicate IdP id " + quote(idp.id()));
            }
        }
        for (int i = 0; i < c.eamProviders().size(); i++) {
            LabConfig.EamProvider e = c.eamProviders().get(i);
            String at = "eamProviders[" + i + "]";
            if (blank(e.id()) || !e.id().matches("[a-z0-9-]+")) {
                errors.add(at + ": 'id' is missing or not [a-z0-9-]+");
                continue;
            }
            EamBehavior b = e.behavior() == null ? EamBehavior.CONFORMANT
                    : enumOf(EamBehavior.values(), e.behavior(), x -> x.id, at + ".behavior", errors);
            if (b == null) {
                continue;
            }
            d.eams.put(e.id(), new EamInfo(e.id(), blank(e.clientId()) ? uuid("eam:" + e.id()) : e.clientId(), b));
        }
        for (int i = 0; i < c.clients().size(); i++) {
            LabConfig.Client cl = c.clients().get(i);
            if (blank(cl.clientId())) {
                errors.add("clients[" + i + "]: 'clientId' is missing");
            } else {
                d.clients.put(cl.clientId(), cl);
            }
        }
        for (int i = 0; i < c.resources().size(); i++) {
            LabConfig.Resource r = c.resources().get(i);
            if (blank(r.uri()) || blank(r.appId())) {
                errors.add("resources[" + i + "]: 'uri' and 'appId' are required");
            } else {
                d.resources.add(r);
            }
        }
        for (int t = 0; t < c.tenants().size(); t++) {
            LabConfig.Tenant tc = c.tenants().get(t);
            String at = "tenants[" + t + "]";
            if (blank(tc.id()) || !GUID.matcher(tc.id()).matches()) {
                errors.add(at + ": 'id' must be a tenant GUID, not " + quote(tc.id()));
                continue;
            }
            String tid = tc.id().toLowerCase(Locale.ROOT);
            if (d.tenants.put(tid, new TenantInfo(tid, tc.name() == null ? tid : tc.name(), tc.policy(),
                    tc.delegatedAdminPartners().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList())) != null) {
                errors.add(at + ": duplicate tenant id " + tid);
            }
            for (int i = 0; i < tc.domains().size(); i++) {
                d.addDomain(tid, tc.domains().get(i), at + ".domains[" + i + "]", errors);
            }
            for (int i = 0; i < tc.users().size(); i++) {
                d.addUser(tid, tc.users().get(i), at + ".users[" + i + "]", errors);
            }
        }
        for (TenantInfo ti : d.tenants.values()) {
            for (String p : ti.delegatedAdminPartners()) {
                if (!d.tenants.containsKey(p)) {
                    errors.add("tenant " + ti.id() + ": delegatedAdminPartners names unknown tenant " + p);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new LabConfigException("invalid lab configuration:\n  - " + String.join("\n  - ", errors));
        }
        return d;
    }

    private void addDomain(String tid, LabConfig.Domain dc, String at, List<String> errors) {
        if (blank(dc.name())) {
            errors.add(at + ": 'name' is missing");
            return;
        }
        String name = dc.name().toLowerCase(Locale.ROOT);
        Protocol p = Protocol.of(dc.protocol()).orElse(null);
        if (p == null) {
            errors.add(at + ": 'protocol' must be managed, managed+eam, wsfed or saml2, not " + quote(dc.protocol()));
            return;
        }
        IdpInfo idp = null;
        MfaBehavior mb = null;
        Knobs knobs = null;
        String issuer = null;
        if (p.federated()) {
            idp = dc.idp() == null ? null : idps.get(dc.idp());
            if (idp == null) {
                errors.add(at + ": 'idp' must name one of the idps (" + String.join(", ", idps.keySet()) + "), not "
                        + quote(dc.idp()));
                return;
            }
            if (idp.protocol() != p) {
                errors.add(at + ": IdP " + idp.id() + " speaks " + idp.protocol().id + ", not " + p.id);
                return;
            }
            if (dc.federatedIdpMfaBehavior() != null) {
                mb = MfaBehavior.of(dc.federatedIdpMfaBehavior()).orElse(null);
                if (mb == null) {
                    errors.add(at + ": 'federatedIdpMfaBehavior' must be acceptIfMfaDoneByFederatedIdp, "
                            + "enforceMfaByFederatedIdp or rejectMfaByFederatedIdp, not " + quote(dc.federatedIdpMfaBehavior()));
                    return;
                }
            } else {
                // Graph docs: once federatedIdpMfaBehavior is set SupportsMfa is ignored; unset, SupportsMfa is
                // honoured; neither set means accept. SupportsMfa=true ≈ enforce is the spec's [unverified] mapping.
                mb = Boolean.TRUE.equals(dc.supportsMfa()) ? MfaBehavior.ENFORCE : MfaBehavior.ACCEPT;
            }
            knobs = knobs(p, dc.idpBehavior(), at + ".idpBehavior", errors);
            if (knobs == null) {
                return;
            }
            issuer = !blank(dc.issuerUri()) ? dc.issuerUri()
                    : p == Protocol.WSFED ? "http://" + name + "/adfs/services/trust"
                    : "https://" + name + "/saml2/idp";
        } else if (dc.idp() != null || dc.idpBehavior() != null || dc.federatedIdpMfaBehavior() != null) {
            errors.add(at + ": a " + p.id + " domain has no idp, idpBehavior or federatedIdpMfaBehavior");
            return;
        }
        if (p == Protocol.MANAGED_EAM && (dc.eamProvider() == null || !eams.containsKey(dc.eamProvider()))) {
            errors.add(at + ": 'eamProvider' must name one of the eamProviders (" + String.join(", ", eams.keySet())
                    + "), not " + quote(dc.eamProvider()));
            return;
        }
        if (domains.put(name, new DomainInfo(name, tid, p, idp, mb, dc.federatedIdpMfaBehavior(), dc.supportsMfa(),
                issuer, knobs, dc.eamProvider())) != null) {
            errors.add(at + ": domain " + name + " is declared twice");
        }
    }

    private static Knobs knobs(Protocol p, LabConfig.IdpBehavior b, String at, List<String> errors) {
        LabConfig.IdpBehavior k = b == null ? new LabConfig.IdpBehavior(null, null, null, null, null, null, null, null, null) : b;
        ClaimPlacement placement = k.mfaClaim() == null
                ? (p == Protocol.WSFED ? ClaimPlacement.AUTHN_STATEMENT : ClaimPlacement.CLASS_REF)
                : enumOf(ClaimPlacement.values(), k.mfaClaim(), x -> x.id, at + ".mfaClaim", errors);
        SecondFactor sf = k.secondFactor() == null ? SecondFactor.ALWAYS
                : enumOf(SecondFactor.values(), k.secondFactor(), x -> x.id, at + ".secondFactor", errors);
        ClaimMfa cm = k.claimMfa() == null ? ClaimMfa.WHEN_DONE
                : enumOf(ClaimMfa.values(), k.claimMfa(), x -> x.id, at + ".claimMfa", errors);
        Signature sig = k.signature() == null ? Signature.RSA_SHA256
                : enumOf(Signature.values(), k.signature(), x -> x.id, at + ".signature", errors);
        if (placement == null || sf == null || cm == null || sig == null) {
            return null;
        }
        boolean saml2Place = placement == ClaimPlacement.CLASS_REF || placement == ClaimPlacement.SAML2_ATTRIBUTES_ONLY;
        boolean wsfedPlace = placement == ClaimPlacement.AUTHN_STATEMENT
                || placement == ClaimPlacement.AUTHENTICATIONMETHOD_ATTRIBUTE || placement == ClaimPlacement.AMR_ATTRIBUTE;
        if (p == Protocol.WSFED && saml2Place || p == Protocol.SAML2 && wsfedPlace) {
            errors.add(at + ".mfaClaim: " + placement.id + " is not a " + p.id + " placement");
            return null;
        }
        if (k.wsTrust() != null && !k.wsTrust().equals("2005") && !k.wsTrust().equals("1.3")) {
            errors.add(at + ".wsTrust: must be 2005 or 1.3, not " + quote(k.wsTrust()));
            return null;
        }
        return new Knobs(placement, k.mfaUri() == null ? MULTIPLE_AUTHN : k.mfaUri(), sf,
                Boolean.TRUE.equals(k.ignoreMfaRequest()), cm, sig,
                k.audience() == null ? CloudProfile.MICROSOFT_ONLINE_AUDIENCE : k.audience(),
                Boolean.TRUE.equals(k.expired()), "1.3".equals(k.wsTrust()));
    }

    private void addUser(String tid, LabConfig.User u, String at, List<String> errors) {
        if (blank(u.upn()) || !u.upn().contains("@")) {
            errors.add(at + ": 'upn' is missing or has no @domain");
            return;
        }
        String upn = u.upn().toLowerCase(Locale.ROOT);
        DomainInfo dom = domains.get(upn.substring(upn.indexOf('@') + 1));
        if (dom == null || !dom.tenantId().equals(tid)) {
            errors.add(at + ": the domain of " + upn + " is not a domain of this tenant");
            return;
        }
        String password = secret(u.password(), at + " (" + upn + "): 'password'", errors);
        String seed = secret(u.totpSeed(), at + " (" + upn + "): 'totpSeed'", errors);
        if (blank(u.password())) {
            errors.add(at + " (" + upn + "): 'password' is missing");
            return;
        }
        if (blank(u.totpSeed())) {
            errors.add(at + " (" + upn + "): 'totpSeed' is missing (Base32; every lab user has a second factor)");
            return;
        }
        if (password == null || seed == null) {
            return;
        }
        try {
            Totp.decodeBase32(seed);
        } catch (IllegalArgumentException e) {
            errors.add(at + " (" + upn + "): 'totpSeed' is not Base32");
            return;
        }
        if (dom.protocol().federated() && blank(u.immutableId())) {
            errors.add(at + " (" + upn + "): 'immutableId' is missing (federated users need one)");
            return;
        }
        String eam = u.eamProvider() != null ? u.eamProvider() : dom.eamProvider();
        if (u.eamProvider() != null && !eams.containsKey(u.eamProvider())) {
            errors.add(at + " (" + upn + "): 'eamProvider' names no eamProviders entry: " + quote(u.eamProvider()));
            return;
        }
        if (u.conditionalAccess() != null && !u.conditionalAccess().equals("block")) {
            errors.add(at + " (" + upn + "): 'conditionalAccess' can only be block");
            return;
        }
        String oid = blank(u.objectId()) ? uuid("oid:" + upn) : u.objectId().toLowerCase(Locale.ROOT);
        if (users.put(upn, new UserInfo(upn, tid, dom, oid, u.immutableId(), password, seed,
                u.displayName() == null ? upn.substring(0, upn.indexOf('@')) : u.displayName(), eam,
                "block".equals(u.conditionalAccess()), u.scenario())) != null) {
            errors.add(at + ": user " + upn + " is declared twice");
        }
    }

    /**
     * A secret as written: inline, {@code env:NAME} (an environment variable) or {@code file:PATH} (the file's text,
     * trimmed). Null (with an error) when a reference cannot be resolved; the value never enters the message.
     */
    private static String secret(String v, String at, List<String> errors) {
        if (v == null) {
            return null;
        }
        if (v.startsWith("env:")) {
            String e = System.getenv(v.substring(4));
            if (e == null || e.isEmpty()) {
                errors.add(at + ": environment variable " + v.substring(4) + " is not set");
                return null;
            }
            return e;
        }
        if (v.startsWith("file:")) {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(v.substring(5))).strip();
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                errors.add(at + ": file " + v.substring(5) + " cannot be read");
                return null;
            }
        }
        return v;
    }

    private static <E> E enumOf(E[] values, String s, java.util.function.Function<E, String> id, String at,
                                List<String> errors) {
        for (E e : values) {
            if (id.apply(e).equals(s)) {
                return e;
            }
        }
        errors.add(at + ": must be one of " + Arrays.stream(values).map(id).collect(Collectors.joining(", "))
                + ", not " + quote(s));
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String quote(String s) {
        return s == null ? "(missing)" : "'" + s + "'";
    }

    /** A stable name-based UUID, so ids are the same on every lab start. */
    public static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Resource URIs compare without a trailing slash. */
    public static boolean sameResource(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        String y = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        return x.equalsIgnoreCase(y);
    }

    public Collection<TenantInfo> tenants() {
        return tenants.values();
    }

    public Optional<TenantInfo> tenant(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(tenants.get(id.toLowerCase(Locale.ROOT)));
    }

    /** A tenant by id, or by one of its domain names (as {@code /contoso.lab.test/} authorities are). */
    public Optional<TenantInfo> tenantByIdOrDomain(String s) {
        if (s == null) {
            return Optional.empty();
        }
        Optional<TenantInfo> t = tenant(s);
        if (t.isPresent()) {
            return t;
        }
        DomainInfo d = domains.get(s.toLowerCase(Locale.ROOT));
        return d == null ? Optional.empty() : tenant(d.tenantId());
    }

    public Optional<DomainInfo> domain(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(domains.get(name.toLowerCase(Locale.ROOT)));
    }

    public Collection<DomainInfo> domains() {
        return domains.values();
    }

    public Optional<UserInfo> user(String upn) {
        return upn == null ? Optional.empty() : Optional.ofNullable(users.get(upn.strip().toLowerCase(Locale.ROOT)));
    }

    public Optional<UserInfo> userByObjectId(String oid) {
        return users.values().stream().filter(u -> u.objectId().equalsIgnoreCase(oid)).findFirst();
    }

    public Collection<UserInfo> users() {
        return users.values();
    }

    public Collection<IdpInfo> idps() {
        return idps.values();
    }

    public Optional<IdpInfo> idp(String id) {
        return Optional.ofNullable(idps.get(id));
    }

    public Collection<EamInfo> eamProviders() {
        return eams.values();
    }

    public Optional<EamInfo> eamProvider(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(eams.get(id));
    }

    public Optional<LabConfig.Client> client(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    /** The resource whose URI or app id is {@code s}. */
    public Optional<LabConfig.Resource> resource(String s) {
        return resources.stream().filter(r -> sameResource(r.uri(), s) || r.appId().equalsIgnoreCase(s)).findFirst();
    }

    public LabConfig.Lifetimes lifetimes() {
        return lifetimes;
    }

    /** The domains of an IdP server. */
    public List<DomainInfo> domainsOf(IdpInfo idp) {
        return domains.values().stream().filter(d -> d.idp() != null && d.idp().id().equals(idp.id())).toList();
    }
}
