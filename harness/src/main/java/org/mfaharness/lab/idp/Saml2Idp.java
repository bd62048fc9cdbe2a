package org.mfaharness.lab.idp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.lab.config.Directory;
import org.mfaharness.lab.sign.SigningKey;
import org.mfaharness.lab.web.Html;
import org.mfaharness.lab.web.Request;
import org.mfaharness.lab.web.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A SAML 2.0 IdP for Entra's SAMLP federation: the HTTP-Redirect AuthnRequest at {@code /saml2/sso}, a password page
 * ({@code okta-signin-username}, {@code okta-signin-password}, {@code okta-signin-submit}), a TOTP page at
 * {@code /saml2/mfa} (field {@code totpCode}), and a Response with a signed Assertion (persistent NameID =
 * ImmutableID, {@code IDPEmail}, Recipient/InResponseTo/Audience, AuthnContextClassRef) auto-posted as
 * {@code SAMLResponse}/{@code RelayState} (POST binding). Thread-safe.
 */
public final class Saml2Idp extends IdpServer {
    static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String PASSWORD_PROTECTED = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
    private static final int MAX_INFLATED = 64 * 1024;

    public Saml2Idp(Directory dir, Directory.IdpInfo idp, String base, String loginSrf, Clock clock, SigningKey key,
                    SigningKey wrongKey) {
        super(dir, idp, base, loginSrf, clock, key, wrongKey);
    }

    @Override
    protected String name() {
        return "lab SAML 2.0 IdP " + idp.id();
    }

    @Override
    String sessionCookieName() {
        return "idp_session";
    }

    @Override
    protected void serve(Request r) {
        switch (r.path()) {
            case "/saml2/sso" -> ssoRequest(r);
            case "/saml2/login" -> {
                Pending p = r.isPost() ? pendingOf(r) : null;
                if (p != null) {
                    password(r, r.required("ctx"), p, r.param("username").orElse(null), r.param("password").orElse(null));
                } else if (!r.isPost()) {
                    error(r, "The sign-in form takes a POST.");
                }
            }
            case "/saml2/mfa" -> {
                Pending p = r.isPost() ? pendingOf(r) : null;
                if (p != null) {
                    totp(r, r.required("ctx"), p, r.param("totpCode").orElse(""));
                } else if (!r.isPost()) {
                    error(r, "The second factor takes a POST.");
                }
            }
            case "/saml2/metadata" -> metadata(r);
            case "/" -> Html.sendHtml(r.exchange(), 200, Html.page(name(), "<h1>" + Html.esc(idp.displayName())
                    + "</h1><p>SAML 2.0 SSO endpoint (HTTP-Redirect): /saml2/sso; metadata: /saml2/metadata</p>"));
            default -> Html.sendText(r.exchange(), 404, name() + ": no such endpoint\n");
        }
    }

    private Pending pendingOf(Request r) {
        Pending p = pending.get(r.required("ctx"));
        if (p == null) {
            error(r, "The sign-in request has expired or is unknown. Start again from the application.");
        }
        return p;
    }

    private void error(Request r, String message) {
        Html.sendHtml(r.exchange(), 400, Html.page("Sign-in error", "<div id=\"errorText\" class=\"error\">"
                + Html.esc(message) + "</div>"));
    }

    private void ssoRequest(Request r) {
        String samlRequest = r.required("SAMLRequest");
        String xml;
        try {
            xml = inflate(Base64.getMimeDecoder().decode(samlRequest));
        } catch (IllegalArgumentException | IOException e) {
            error(r, "SAMLRequest is not a valid DEFLATE + base64 message (HTTP-Redirect binding).");
            return;
        }
        Document doc;
        try {
            doc = SafeXml.parse(xml);
        } catch (SafeXml.XmlRejectedException e) {
            error(r, "SAMLRequest is not acceptable XML: " + e.getMessage() + ".");
            return;
        }
        Element req = doc.getDocumentElement();
        if (!"AuthnRequest".equals(req.getLocalName()) || !SAMLP.equals(req.getNamespaceURI())) {
            error(r, "SAMLRequest is not an AuthnRequest.");
            return;
        }
        String issuer = SafeXml.text(SafeXml.child(req, SAML2, "Issuer"));
        if (!CloudProfile.MICROSOFT_ONLINE_AUDIENCE.equals(issuer)) {
            error(r, "Unknown service provider '" + issuer + "'.");
            return;
        }
        String acs = SafeXml.attr(req, "AssertionConsumerServiceURL");
        if (acs != null && !acs.equals(loginSrf)) {
            error(r, "AssertionConsumerServiceURL '" + acs + "' is not registered for the service provider.");
            return;
        }
        String id = SafeXml.attr(req, "ID");
        if (id == null || id.isEmpty()) {
            error(r, "The AuthnRequest has no ID.");
            return;
        }
        boolean mfaAsked = false;
        Element rac = SafeXml.child(req, SAMLP, "RequestedAuthnContext");
        if (rac != null) {
            for (Element ref : SafeXml.children(rac, SAML2, "AuthnContextClassRef")) {
                mfaAsked |= "http://schemas.microsoft.com/claims/multipleauthn".equals(SafeXml.text(ref));
            }
        }
        boolean fresh = "true".equals(SafeXml.attr(req, "ForceAuthn"));
        String ctx = newPending(loginSrf, r.param("RelayState").orElse(null), id, mfaAsked, fresh, "");
        begin(r, ctx, pending.get(ctx));
    }

    private static String inflate(byte[] deflated) throws IOException {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated), new Inflater(true))) {
            byte[] b = in.readNBytes(MAX_INFLATED + 1);
            if (b.length > MAX_INFLATED || b.length == 0) {
                throw new IOException("bad size");
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    @Override
    String passwordPage(String context, String username, String error) {
        return Html.page("Sign In", "<div id=\"okta-sign-in\"><h2>" + Html.esc(idp.displayName()) + "</h2>"
                + "<form method=\"post\" id=\"form1\" action=\"/saml2/login\">"
                + (error == null ? "" : "<div id=\"errorText\" class=\"error\">" + Html.esc(error) + "</div>")
                + "<input id=\"okta-signin-username\" name=\"username\" type=\"text\" value=\"" + Html.esc(username) + "\">"
                + "<input id=\"okta-signin-password\" name=\"password\" type=\"password\">"
                + Html.hidden(Map.of("ctx", context))
                + "<input type=\"submit\" id=\"okta-signin-submit\" value=\"Sign In\"></form></div>");
    }

    @Override
    String totpPage(String context, String upn, String error) {
        return Html.page("Verify", "<div id=\"okta-sign-in\"><h2>" + Html.esc(idp.displayName()) + "</h2>"
                + "<form method=\"post\" id=\"mfaForm\" action=\"/saml2/mfa\">"
                + "<div id=\"mfaTitle\">Enter the code from your authenticator app for " + Html.esc(upn) + "</div>"
                + (error == null ? "" : "<div id=\"errorText\" class=\"error\">" + Html.esc(error) + "</div>")
                + "<input id=\"totpCodeInput\" name=\"totpCode\" type=\"tel\" autocomplete=\"off\">"
                + Html.hidden(Map.of("ctx", context))
                + "<input type=\"submit\" id=\"verifyButton\" value=\"Verify\"></form></div>");
    }

    @Override
    void respond(Request r, Pending p, Directory.UserInfo u, Session s) {
        Directory.Knobs k = u.domain().knobs();
        boolean claim = claimsMfa(k, s.mfaDone);
        String xml = response(u, k, claim, s.authInstant, p.requestId);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("SAMLResponse", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        f.put("RelayState", p.relay);
        Html.sendHtml(r.exchange(), 200, Html.autoPost("Signing in...", p.replyTo, f));
    }

    /** The Response with the signed Assertion, as the knobs say. */
    String response(Directory.UserInfo u, Directory.Knobs k, boolean claim, Instant authInstant, String inResponseTo) {
        Instant[] w = window(k);
        String nb = WsFedIdp.iso(w[0]);
        String noa = WsFedIdp.iso(w[1]);
        String now = WsFedIdp.iso(clock.instant());
        String issuer = Html.esc(u.domain().issuerUri());
        String rid = "_" + java.util.UUID.randomUUID();
        String aid = "_" + java.util.UUID.randomUUID();
        String classRef = claim && k.mfaClaim() == Directory.ClaimPlacement.CLASS_REF ? k.mfaUri() : PASSWORD_PROTECTED;
        StringBuilder attrs = new StringBuilder();
        attrs.append(attr("IDPEmail", u.upn()));
        if (claim && k.mfaClaim() == Directory.ClaimPlacement.SAML2_ATTRIBUTES_ONLY) {
            attrs.append(attr("http://schemas.microsoft.com/claims/authnmethodsreferences", k.mfaUri()));
            attrs.append(attr("http://schemas.microsoft.com/ws/2017/04/identity/claims/multifactorauthenticationinstant", now));
        }
        String irt = inResponseTo == null ? "" : " InResponseTo=\"" + Html.esc(inResponseTo) + "\"";
        String xml = "<samlp:Response xmlns:samlp=\"" + SAMLP + "\" ID=\"" + rid + "\" Version=\"2.0\" IssueInstant=\""
                + now + "\" Destination=\"" + Html.esc(loginSrf) + "\"" + irt + ">"
                + "<Issuer xmlns=\"" + SAML2 + "\">" + issuer + "</Issuer>"
                + "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
                + "<Assertion xmlns=\"" + SAML2 + "\" ID=\"" + aid + "\" IssueInstant=\"" + now + "\" Version=\"2.0\">"
                + "<Issuer>" + issuer + "</Issuer>"
                + "<Subject><NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\">"
                + Html.esc(u.immutableId()) + "</NameID><SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
                + "<SubjectConfirmationData" + irt + " NotOnOrAfter=\"" + noa + "\" Recipient=\"" + Html.esc(loginSrf)
                + "\"/></SubjectConfirmation></Subject>"
                + "<Conditions NotBefore=\"" + nb + "\" NotOnOrAfter=\"" + noa + "\"><AudienceRestriction><Audience>"
                + Html.esc(k.audience()) + "</Audience></AudienceRestriction></Conditions>"
                + "<AttributeStatement>" + attrs + "</AttributeStatement>"
                + "<AuthnStatement AuthnInstant=\"" + WsFedIdp.iso(authInstant) + "\" SessionIndex=\"" + aid + "\">"
                + "<AuthnContext><AuthnContextClassRef>" + Html.esc(classRef) + "</AuthnContextClassRef></AuthnContext>"
                + "</AuthnStatement></Assertion></samlp:Response>";
        Document doc;
        try {
            doc = SafeXml.parse(xml);
        } catch (SafeXml.XmlRejectedException e) {
            throw new IllegalStateException("the lab built an invalid SAML response", e);
        }
        Element a = SafeXml.descendants(doc, SAML2, "Assertion").get(0);
        Element assertionIssuer = SafeXml.child(a, SAML2, "Issuer");
        sign(k, a, "ID", assertionIssuer.getNextSibling());
        return SafeXml.serialize(doc);
    }

    private static String attr(String name, String value) {
        return "<Attribute Name=\"" + Html.esc(name) + "\"><AttributeValue>" + Html.esc(value)
                + "</AttributeValue></Attribute>";
    }
}
