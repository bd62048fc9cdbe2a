package org.mfaharness.lab.idp;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.lab.config.Directory;
import org.mfaharness.lab.sign.SigningKey;
import org.mfaharness.lab.web.Html;
import org.mfaharness.lab.web.Request;
import org.mfaharness.lab.web.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An AD FS-like WS-Federation IdP at {@code /adfs/ls/}: the AD FS forms-authentication page ({@code userNameInput},
 * {@code passwordInput}, {@code submitButton}, hidden {@code AuthMethod} and {@code Context}), a TOTP page at
 * {@code /adfs/ls/mfa} (field {@code totpCode}), and an RSTR (WS-Trust 2005/02 by default, 1.3 as a knob) wrapping a
 * signed SAML 1.1 assertion, auto-posted as {@code wa}/{@code wresult}/{@code wctx} to {@code wreply}. Per-domain
 * knobs decide where the MFA URI goes and how the assertion is signed. Thread-safe.
 */
public final class WsFedIdp extends IdpServer {
    static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    static final String TRUST_2005 = "http://schemas.xmlsoap.org/ws/2005/02/trust";
    static final String TRUST_13 = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";

    public WsFedIdp(Directory dir, Directory.IdpInfo idp, String base, String loginSrf, Clock clock, SigningKey key,
                    SigningKey wrongKey) {
        super(dir, idp, base, loginSrf, clock, key, wrongKey);
    }

    @Override
    protected String name() {
        return "lab AD FS " + idp.id();
    }

    @Override
    String sessionCookieName() {
        return "MSISAuth";
    }

    @Override
    protected void serve(Request r) {
        switch (r.path()) {
            case "/adfs/ls", "/adfs/ls/" -> {
                if (r.isPost()) {
                    Pending p = pendingOf(r);
                    if (p != null) {
                        password(r, r.required("Context"), p, r.param("UserName").orElse(null),
                                r.param("Password").orElse(null));
                    }
                } else {
                    signInRequest(r);
                }
            }
            case "/adfs/ls/mfa" -> {
                Pending p = r.isPost() ? pendingOf(r) : null;
                if (p != null) {
                    totp(r, r.required("Context"), p, r.param("totpCode").orElse(""));
                } else if (!r.isPost()) {
                    error(r, "MSIS7042", "The second factor takes a POST.");
                }
            }
            case "/FederationMetadata/2007-06/FederationMetadata.xml" -> metadata(r);
            case "/" -> Html.sendHtml(r.exchange(), 200, Html.page(name(), "<h1>" + Html.esc(idp.displayName())
                    + "</h1><p>WS-Federation passive endpoint: /adfs/ls/; metadata: /FederationMetadata/2007-06/"
                    + "FederationMetadata.xml</p>"));
            default -> Html.sendText(r.exchange(), 404, name() + ": no such endpoint\n");
        }
    }

    private Pending pendingOf(Request r) {
        Pending p = pending.get(r.required("Context"));
        if (p == null) {
            error(r, "MSIS7001", "The sign-in request has expired or is unknown. Start again from the application.");
        }
        return p;
    }

    private void signInRequest(Request r) {
        String wa = r.required("wa");
        if (!"wsignin1.0".equals(wa)) {
            error(r, "MSIS7042", "The wa parameter '" + wa + "' is not supported.");
            return;
        }
        String realm = r.required("wtrealm");
        if (!CloudProfile.MICROSOFT_ONLINE_AUDIENCE.equals(realm)) {
            error(r, "MSIS7007", "The requested relying party trust '" + realm + "' is unspecified or unsupported.");
            return;
        }
        String reply = r.param("wreply").orElse(loginSrf);
        if (!reply.equals(loginSrf)) {
            error(r, "MSIS7010", "The wreply '" + reply + "' is not an endpoint of the relying party trust.");
            return;
        }
        boolean mfaAsked = "http://schemas.microsoft.com/claims/multipleauthn".equals(r.param("wauth").orElse(null));
        boolean fresh = "0".equals(r.param("wfresh").orElse(null));
        String context = newPending(reply, r.param("wctx").orElse(null), null, mfaAsked, fresh,
                r.param("username").orElse(""));
        begin(r, context, pending.get(context));
    }

    private void error(Request r, String code, String message) {
        Html.sendHtml(r.exchange(), 400, Html.page("Sign In", "<div id=\"errorArea\"><div id=\"errorText\" class=\"error\">"
                + "An error occurred. " + Html.esc(message) + "</div><div id=\"errorCode\">" + code
                + "</div><div id=\"activityId\">Activity ID: " + java.util.UUID.randomUUID() + "</div></div>"));
    }

    @Override
    String passwordPage(String context, String username, String error) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("AuthMethod", "FormsAuthentication");
        h.put("Context", context);
        return Html.page("Sign In", "<div id=\"header\">" + Html.esc(idp.displayName()) + "</div>"
                + "<form method=\"post\" id=\"loginForm\" autocomplete=\"off\" action=\"/adfs/ls/\">"
                + (error == null ? "" : "<div id=\"errorText\" class=\"error\">" + Html.esc(error) + "</div>")
                + "<input id=\"userNameInput\" name=\"UserName\" type=\"email\" value=\"" + Html.esc(username)
                + "\" placeholder=\"someone@example.com\">"
                + "<input id=\"passwordInput\" name=\"Password\" type=\"password\" placeholder=\"Password\">"
                + Html.hidden(h) + "<input type=\"submit\" id=\"submitButton\" value=\"Sign in\"></form>");
    }

    @Override
    String totpPage(String context, String upn, String error) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("AuthMethod", "LabTotpAdapter");
        h.put("Context", context);
        return Html.page("Sign In", "<div id=\"header\">" + Html.esc(idp.displayName()) + "</div>"
                + "<form method=\"post\" id=\"mfaForm\" autocomplete=\"off\" action=\"/adfs/ls/mfa\">"
                + "<div id=\"mfaTitle\">Additional verification for " + Html.esc(upn) + "</div>"
                + (error == null ? "" : "<div id=\"errorText\" class=\"error\">" + Html.esc(error) + "</div>")
                + "<input id=\"totpCodeInput\" name=\"totpCode\" type=\"tel\" placeholder=\"6-digit code\">"
                + Html.hidden(h) + "<input type=\"submit\" id=\"submitButton\" value=\"Verify\"></form>");
    }

    @Override
    void respond(Request r, Pending p, Directory.UserInfo u, Session s) {
        Directory.Knobs k = u.domain().knobs();
        boolean claim = claimsMfa(k, s.mfaDone);
        String rstr = rstr(u, k, claim, s.authInstant);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("wa", "wsignin1.0");
        f.put("wresult", rstr);
        f.put("wctx", p.relay);
        Html.sendHtml(r.exchange(), 200, Html.autoPost("Working...", p.replyTo, f));
    }

    /** The signed RSTR for the user, as the knobs say. */
    String rstr(Directory.UserInfo u, Directory.Knobs k, boolean claim, Instant authInstant) {
        Instant[] w = window(k);
        String nb = iso(w[0]);
        String noa = iso(w[1]);
        String trust = k.wsTrust13() ? TRUST_13 : TRUST_2005;
        String issuer = u.domain().issuerUri();
        String id = "_" + java.util.UUID.randomUUID();
        String nameId = "<saml:Subject><saml:NameIdentifier Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\">"
                + Html.esc(u.immutableId()) + "</saml:NameIdentifier><saml:SubjectConfirmation><saml:ConfirmationMethod>"
                + "urn:oasis:names:tc:SAML:1.0:cm:bearer</saml:ConfirmationMethod></saml:SubjectConfirmation></saml:Subject>";
        List<String> attrs = new ArrayList<>();
        attrs.add(attribute("UPN", "http://schemas.xmlsoap.org/claims", List.of(u.upn())));
        attrs.add(attribute("ImmutableID", "http://schemas.microsoft.com/LiveID/Federation/2008/05",
                List.of(u.immutableId())));
        attrs.add(attribute("authenticationinstant", "http://schemas.microsoft.com/ws/2008/06/identity/claims",
                List.of(iso(authInstant))));
        String method = PASSWORD_METHOD;
        if (claim) {
            switch (k.mfaClaim()) {
                case AUTHN_STATEMENT -> method = k.mfaUri();
                case AUTHENTICATIONMETHOD_ATTRIBUTE -> attrs.add(attribute("authenticationmethod",
                        "http://schemas.microsoft.com/ws/2008/06/identity/claims", List.of(PASSWORD_METHOD, k.mfaUri())));
                case AMR_ATTRIBUTE -> attrs.add(attribute("authnmethodsreferences", "http://schemas.microsoft.com/claims",
                        List.of(PASSWORD_METHOD, k.mfaUri())));
                default -> {
                }
            }
        }
        String assertion = "<saml:Assertion xmlns:saml=\"" + SAML1 + "\" MajorVersion=\"1\" MinorVersion=\"1\" AssertionID=\""
                + id + "\" Issuer=\"" + Html.esc(issuer) + "\" IssueInstant=\"" + iso(clock.instant()) + "\">"
                + "<saml:Conditions NotBefore=\"" + nb + "\" NotOnOrAfter=\"" + noa + "\"><saml:AudienceRestrictionCondition>"
                + "<saml:Audience>" + Html.esc(k.audience()) + "</saml:Audience></saml:AudienceRestrictionCondition>"
                + "</saml:Conditions><saml:AttributeStatement>" + nameId + String.join("", attrs)
                + "</saml:AttributeStatement><saml:AuthenticationStatement AuthenticationMethod=\"" + Html.esc(method)
                + "\" AuthenticationInstant=\"" + iso(authInstant) + "\">" + nameId + "</saml:AuthenticationStatement>"
                + "</saml:Assertion>";
        String xml = "<t:RequestSecurityTokenResponse xmlns:t=\"" + trust + "\"><t:Lifetime>"
                + "<wsu:Created xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + nb + "</wsu:Created><wsu:Expires xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + noa + "</wsu:Expires></t:Lifetime><wsp:AppliesTo xmlns:wsp=\"http://schemas.xmlsoap.org/ws/2004/09/policy\">"
                + "<wsa:EndpointReference xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><wsa:Address>"
                + CloudProfile.MICROSOFT_ONLINE_AUDIENCE + "</wsa:Address></wsa:EndpointReference></wsp:AppliesTo>"
                + "<t:RequestedSecurityToken>" + assertion + "</t:RequestedSecurityToken>"
                + "<t:TokenType>urn:oasis:names:tc:SAML:1.0:assertion</t:TokenType>"
                + "<t:RequestType>" + trust + "/Issue</t:RequestType>"
                + "<t:KeyType>http://schemas.xmlsoap.org/ws/2005/05/identity/NoProofKey</t:KeyType>"
                + "</t:RequestSecurityTokenResponse>";
        Document doc;
        try {
            doc = SafeXml.parse(xml);
        } catch (SafeXml.XmlRejectedException e) {
            throw new IllegalStateException("the lab built an invalid RSTR", e);
        }
        Element a = SafeXml.descendants(doc, SAML1, "Assertion").get(0);
        sign(k, a, "AssertionID", null);
        return SafeXml.serialize(doc);
    }

    private static String attribute(String name, String ns, List<String> values) {
        StringBuilder b = new StringBuilder("<saml:Attribute AttributeName=\"").append(Html.esc(name))
                .append("\" AttributeNamespace=\"").append(Html.esc(ns)).append("\">");
        for (String v : values) {
            b.append("<saml:AttributeValue>").append(Html.esc(v)).append("</saml:AttributeValue>");
        }
        return b.append("</saml:Attribute>").toString();
    }

    static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
