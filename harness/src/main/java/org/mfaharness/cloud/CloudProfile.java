package org.mfaharness.cloud;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints and identifiers of one Entra ID cloud instance.
 *
 * <p>Sources: the national-cloud endpoint tables at
 * https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud and the token issuer table in
 * Microsoft Q&amp;A 1190472 (v1 issuers stay {@code https://sts.windows.net/} in US Government); Partner Center
 * endpoints from Partner-Center-PowerShell {@code EnvironmentConstants.cs}. Values marked unverified in
 * {@code docs/cloud-profiles.md} are best knowledge, not documentation.
 *
 * @param name                  profile name used on the command line ({@code public}, {@code usgov}, {@code china}, {@code lab})
 * @param authorityHosts        host names of the Entra sign-in service (the first is the canonical one)
 * @param v1IssuerPrefix        v1 token issuer up to the tenant id: issuer = prefix + tid + "/"
 * @param v2IssuerPrefix        v2 token issuer up to the tenant id: issuer = prefix + tid + "/v2.0"
 * @param loginSrf              where federated IdPs POST WS-Fed {@code wresult} and SAML 2.0 responses (the Recipient)
 * @param eamRedirectUri        Entra's redirect URI for External Authentication Methods (form_post target)
 * @param federationAudience    audience Entra expects in assertions from federated IdPs
 * @param partnerCenterResource the Partner Center API resource (audience of the access token Partner Center checks)
 * @param partnerCenterApi      base URL of the Partner Center REST API
 * @param graphResource         the Microsoft Graph resource
 */
public record CloudProfile(
        String name,
        List<String> authorityHosts,
        String v1IssuerPrefix,
        String v2IssuerPrefix,
        String loginSrf,
        String eamRedirectUri,
        String federationAudience,
        String partnerCenterResource,
        String partnerCenterApi,
        String graphResource) {

    /** The audience Entra demands in assertions from federated IdPs, in every documented cloud. */
    public static final String MICROSOFT_ONLINE_AUDIENCE = "urn:federation:MicrosoftOnline";
    /** The application id of the "Microsoft Partner Center" resource (fa3d9a0c-…), the same in every cloud. */
    public static final String PARTNER_CENTER_APP_ID = "fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd";
    /** The application id of Microsoft Graph. */
    public static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    /** The Azure CLI public client, which Microsoft's {@code Test-PartnerSecurityRequirement} uses. */
    public static final String AZURE_CLI_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    public static final CloudProfile PUBLIC = new CloudProfile(
            "public",
            List.of("login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"),
            "https://sts.windows.net/",
            "https://login.microsoftonline.com/",
            "https://login.microsoftonline.com/login.srf",
            "https://login.microsoftonline.com/common/federation/externalauthprovider",
            MICROSOFT_ONLINE_AUDIENCE,
            "https://api.partnercenter.microsoft.com",
            "https://api.partnercenter.microsoft.com",
            "https://graph.microsoft.com");

    public static final CloudProfile USGOV = new CloudProfile(
            "usgov",
            List.of("login.microsoftonline.us"),
            "https://sts.windows.net/",
            "https://login.microsoftonline.us/",
            "https://login.microsoftonline.us/login.srf",
            "https://login.microsoftonline.us/common/federation/externalauthprovider",
            MICROSOFT_ONLINE_AUDIENCE,
            "https://api.partnercenter.microsoft.com",
            "https://api.partnercenter.microsoft.com",
            "https://graph.microsoft.us");

    public static final CloudProfile CHINA = new CloudProfile(
            "china",
            List.of("login.chinacloudapi.cn", "login.partner.microsoftonline.cn"),
            "https://sts.chinacloudapi.cn/",
            "https://login.partner.microsoftonline.cn/",
            "https://login.partner.microsoftonline.cn/login.srf",
            "https://login.partner.microsoftonline.cn/common/federation/externalauthprovider",
            MICROSOFT_ONLINE_AUDIENCE,
            "https://partner.partnercenterapi.microsoftonline.cn",
            "https://partner.partnercenterapi.microsoftonline.cn",
            "https://microsoftgraph.chinacloudapi.cn");

    /** The embedded lab with its default host names (reached through the proxy's host map). */
    public static final CloudProfile LAB = lab("https://login.lab.test", "https://sts.lab.test",
            "https://api.partnercenter.lab.test");

    private static final Pattern TENANT_SEGMENT = Pattern.compile("([^/?#]+)");

    public CloudProfile {
        Objects.requireNonNull(name, "name");
        authorityHosts = List.copyOf(authorityHosts);
        Objects.requireNonNull(v1IssuerPrefix, "v1IssuerPrefix");
        Objects.requireNonNull(v2IssuerPrefix, "v2IssuerPrefix");
    }

    /**
     * A lab profile for the given base URLs (scheme, host and optional port, no trailing slash).
     *
     * @param loginBase the lab Entra's sign-in base, e.g. {@code https://login.lab.test}
     * @param stsBase   the lab Entra's v1 issuer base, e.g. {@code https://sts.lab.test}
     * @param pcBase    the lab Partner Center API base
     */
    public static CloudProfile lab(String loginBase, String stsBase, String pcBase) {
        return new CloudProfile(
                "lab",
                List.of(hostOf(loginBase), hostOf(stsBase)),
                stsBase + "/",
                loginBase + "/",
                loginBase + "/login.srf",
                loginBase + "/common/federation/externalauthprovider",
                MICROSOFT_ONLINE_AUDIENCE,
                pcBase,
                pcBase,
                "https://graph.lab.test");
    }

    /**
     * A lab profile whose Partner Center resource (the token audience) differs from the API's base URL, as in the
     * lab's direct mode, where the API answers on {@code https://localhost:<port>} but tokens keep the stable
     * resource {@code https://api.partnercenter.lab.test}.
     *
     * @param loginBase          the lab Entra's sign-in base
     * @param stsBase            the lab Entra's v1 issuer base
     * @param partnerCenterResource the Partner Center resource URI (audience)
     * @param partnerCenterApi   the base URL the Partner Center API answers on
     */
    public static CloudProfile lab(String loginBase, String stsBase, String partnerCenterResource,
                                   String partnerCenterApi) {
        CloudProfile p = lab(loginBase, stsBase, partnerCenterResource);
        return new CloudProfile(p.name(), p.authorityHosts(), p.v1IssuerPrefix(), p.v2IssuerPrefix(), p.loginSrf(),
                p.eamRedirectUri(), p.federationAudience(), partnerCenterResource, partnerCenterApi, p.graphResource());
    }

    /** The built-in profile of that name: {@code public}, {@code usgov}, {@code china} or {@code lab}. */
    public static Optional<CloudProfile> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "public", "azurecloud", "global" -> Optional.of(PUBLIC);
            case "usgov", "azureusgovernment" -> Optional.of(USGOV);
            case "china", "azurechinacloud" -> Optional.of(CHINA);
            case "lab" -> Optional.of(LAB);
            default -> Optional.empty();
        };
    }

    /** The names accepted by {@link #named(String)}. */
    public static List<String> builtInNames() {
        return List.of("public", "usgov", "china", "lab");
    }

    /** The canonical sign-in host, e.g. {@code login.microsoftonline.com}. */
    public String loginHost() {
        return authorityHosts.get(0);
    }

    /** The v1 issuer of a tenant: {@code https://sts.windows.net/{tid}/}. */
    public String v1Issuer(String tenantId) {
        return v1IssuerPrefix + tenantId + "/";
    }

    /** The v2 issuer of a tenant: {@code https://login.microsoftonline.com/{tid}/v2.0}. */
    public String v2Issuer(String tenantId) {
        return v2IssuerPrefix + tenantId + "/v2.0";
    }

    /**
     * The tenant id of an Entra issuer of this cloud, or empty when {@code iss} is not one of this cloud's
     * v1 or v2 issuers. Exact: prefix, one tenant segment, then exactly {@code /} or {@code /v2.0}.
     */
    public Optional<String> tenantOfIssuer(String iss) {
        if (iss == null) {
            return Optional.empty();
        }
        if (iss.startsWith(v1IssuerPrefix) && iss.endsWith("/")) {
            String tid = iss.substring(v1IssuerPrefix.length(), iss.length() - 1);
            if (isTenantSegment(tid)) {
                return Optional.of(tid);
            }
        }
        if (iss.startsWith(v2IssuerPrefix) && iss.endsWith("/v2.0")) {
            String tid = iss.substring(v2IssuerPrefix.length(), iss.length() - "/v2.0".length());
            if (isTenantSegment(tid)) {
                return Optional.of(tid);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code iss} is a token issuer of this cloud's Entra ID (v1 or v2). */
    public boolean isEntraIssuer(String iss) {
        return tenantOfIssuer(iss).isPresent();
    }

    /** Whether an audience names the Partner Center API (its URI, with or without a trailing slash, or its app id). */
    public boolean isPartnerCenterAudience(String aud) {
        if (aud == null) {
            return false;
        }
        String trimmed = aud.endsWith("/") ? aud.substring(0, aud.length() - 1) : aud;
        return trimmed.equals(partnerCenterResource) || aud.equals(PARTNER_CENTER_APP_ID);
    }

    /** Whether an audience names Microsoft Graph (its URI or app id). */
    public boolean isGraphAudience(String aud) {
        if (aud == null) {
            return false;
        }
        String trimmed = aud.endsWith("/") ? aud.substring(0, aud.length() - 1) : aud;
        return trimmed.equals(graphResource) || aud.equals(GRAPH_APP_ID)
                || trimmed.equals("https://graph.microsoft.com");
    }

    private static boolean isTenantSegment(String s) {
        Matcher m = TENANT_SEGMENT.matcher(s);
        return !s.isEmpty() && m.matches();
    }

    private static String hostOf(String base) {
        String rest = base.substring(base.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            rest = rest.substring(0, slash);
        }
        int colon = rest.lastIndexOf(':');
        return colon >= 0 ? rest.substring(0, colon) : rest;
    }
}
