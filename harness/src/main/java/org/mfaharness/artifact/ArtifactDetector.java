package org.mfaharness.artifact;

import static org.mfaharness.artifact.saml.SamlNamespaces.SAML2;
import static org.mfaharness.artifact.saml.SamlNamespaces.SAML2P;
import static org.mfaharness.artifact.saml.SamlNamespaces.WSTRUST_13;
import static org.mfaharness.artifact.saml.SamlNamespaces.WSTRUST_2005;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.mfaharness.artifact.http.FormBody;
import org.mfaharness.artifact.jwt.JwtParser;
import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.artifact.saml.SamlAssertion;
import org.mfaharness.artifact.saml.SamlParser;
import org.mfaharness.artifact.xml.Dom;
import org.mfaharness.artifact.xml.SecureXml;
import org.mfaharness.artifact.xml.XmlRefusedException;
import org.mfaharness.cloud.CloudProfile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Finds and decodes artifacts in text by content and field names — never by host name. Accepts raw XML, base64
 * (SAMLResponse), URL-encoded form bodies and query strings ({@code wresult=}, {@code SAMLResponse=},
 * {@code id_token=}, {@code access_token=}, {@code wa=wsignin1.0}, {@code SAMLRequest=}, EAM authorize posts,
 * {@code grant_type=}), token-endpoint JSON, {@code Authorization: Bearer} lines, bare JWTs, AADSTS error text
 * and Partner Center error bodies. Never throws on bad input: what cannot be read becomes an {@link Unreadable}.
 * Thread-safe.
 */
public final class ArtifactDetector {
    /** Largest text accepted as one input (HAR files are read by the HAR reader, not here). */
    public static final int MAX_INPUT_CHARS = 16 * 1024 * 1024;

    /** Entra's external-auth endpoint path, where EAM providers form_post their id_token. */
    public static final String EAM_REDIRECT_PATH = "/common/federation/externalauthprovider";

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d{4,7})");
    private static final Pattern BEARER = Pattern.compile("(?i)^(?:authorization\\s*:\\s*)?bearer\\s+(\\S+)\\s*$");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]+");
    private static final Pattern PC_MFA_TEXT = Pattern.compile(
            "(?i)MFA required\\.?\\s*\\(10001\\)|\\b900421\\b|Unauthorized_MissingMFA|Unauthorized - MFA required");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());

    private final CloudProfile cloud;
    private final ArtifactKind forcedKind;

    /**
     * @param cloud      tells Entra issuers from EAM issuers
     * @param forcedKind judge tokens as this kind ({@code --kind}), or null to detect
     */
    public ArtifactDetector(CloudProfile cloud, ArtifactKind forcedKind) {
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        this.forcedKind = forcedKind;
    }

    public CloudProfile cloud() {
        return cloud;
    }

    /** Every artifact in {@code text}; at least one element (an {@link Unreadable} when nothing was recognised). */
    public List<Artifact> detect(String text, Origin origin) {
        if (text == null || text.isBlank()) {
            return List.of(new Unreadable("", origin, ArtifactKind.UNREADABLE, "the input is empty", false));
        }
        if (text.length() > MAX_INPUT_CHARS) {
            return List.of(new Unreadable("", origin, ArtifactKind.UNREADABLE,
                    "the input has " + text.length() + " characters, more than the " + MAX_INPUT_CHARS + " accepted", true));
        }
        String s = stripBom(text).strip();
        List<Artifact> found = new ArrayList<>();
        if (SecureXml.looksLikeXml(s)) {
            found.add(fromXml(s, origin));
        } else if (s.startsWith("{")) {
            found.addAll(fromJson(s, origin, 0));
        } else {
            Matcher bearer = BEARER.matcher(s);
            if (bearer.matches()) {
                found.add(fromToken(bearer.group(1), origin.withField("Authorization"), false));
            } else if (JwtParser.looksLikeJws(s)) {
                found.add(fromJws(s, origin, false)); // what fromToken would do, without matching the shape again
            } else if (JwtParser.looksLikeJwe(s)) {
                found.add(fromToken(s, origin, false));
            } else {
                FormBody form = FormBody.parse(queryPart(s));
                List<Artifact> fromForm = form == null ? List.of() : fromForm(form, origin);
                if (!fromForm.isEmpty()) {
                    found.addAll(fromForm);
                } else if (s.length() > 64 && BASE64.matcher(s).matches()) {
                    found.add(fromBase64Xml(s, origin));
                }
            }
        }
        if (found.isEmpty()) {
            found.addAll(errorsInText(s, origin));
        }
        if (found.isEmpty()) {
            found.add(new Unreadable(shorten(s), origin, ArtifactKind.UNREADABLE,
                    "no WS-Fed response, SAML message, JWT, token response, AADSTS error or Partner Center error was recognised", false));
        }
        return found;
    }

    /** The artifacts carried by a decoded form body or query string; empty when none of its fields carries one. */
    public List<Artifact> fromForm(FormBody form, Origin origin) {
        List<Artifact> out = new ArrayList<>();
        String path = origin.path();
        boolean eamEndpoint = path != null && path.endsWith(EAM_REDIRECT_PATH);
        if (form.has("wresult")) {
            out.add(fromXml(form.first("wresult"), origin.withField("wresult")));
        }
        if (form.has("SAMLResponse")) {
            out.add(fromBase64Xml(form.first("SAMLResponse"), origin.withField("SAMLResponse")));
        }
        if (form.has("SAMLRequest")) {
            out.add(fromSamlRequest(form.first("SAMLRequest"), origin.withField("SAMLRequest")));
        }
        if ("wsignin1.0".equals(form.first("wa")) && !form.has("wresult")) {
            out.add(new WsFedSignInRequest(describe(form, "wa", "wtrealm", "wauth", "wfresh", "whr"),
                    origin.withField("wa"), form.first("wtrealm"), form.first("wctx"), form.first("wauth"),
                    form.first("wfresh"), form.first("whr")));
        }
        if (form.has("id_token_hint") && "id_token".equals(form.first("response_type"))) {
            out.add(eamRequest(form, origin));
        } else if (form.has("id_token") || (eamEndpoint && form.has("error"))) {
            Artifact token = form.has("id_token") ? fromToken(form.first("id_token"), origin.withField("id_token"), eamEndpoint) : null;
            boolean isEam = eamEndpoint || (token instanceof JwtToken j && j.kind() == ArtifactKind.EAM_ID_TOKEN);
            if (isEam) {
                out.add(new EamResponse(describe(form, "state", "error", "error_description"), origin.withField("form"),
                        form.has("id_token"), form.first("state"), form.first("error"), form.first("error_description")));
            }
            if (token != null) {
                out.add(token);
            }
        }
        if (form.has("access_token")) {
            out.add(fromToken(form.first("access_token"), origin.withField("access_token"), false));
        }
        if (form.has("grant_type")) {
            out.add(new TokenRequest(describe(form, "grant_type", "client_id", "scope", "resource"),
                    origin.withField("grant_type"), form.first("grant_type"), form.first("client_id"),
                    form.first("scope"), form.first("resource")));
        }
        if (form.has("error") && !eamEndpoint) {
            String desc = form.first("error_description");
            List<Integer> codes = aadstsCodes(desc == null ? "" : desc);
            if (!codes.isEmpty() || form.has("error_codes")) {
                out.add(new EntraError(describe(form, "error", "error_description", "error_codes", "suberror"),
                        origin.withField("error"), codes, form.first("error"), oneLine(desc), form.first("suberror"), 0));
            }
        }
        return out;
    }

    /** The artifacts in a JSON body: a token response (tokens and errors) or a Partner Center / Graph error. */
    public List<Artifact> fromJson(String json, Origin origin, int httpStatus) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (IOException e) {
            return List.of(new Unreadable(shorten(json), origin, ArtifactKind.UNREADABLE,
                    "the JSON is not valid: " + oneLine(e.getMessage()), false));
        }
        List<Artifact> out = new ArrayList<>();
        if (n == null || !n.isObject()) {
            return out;
        }
        if (n.has("log") && n.get("log").has("entries")) {
            out.add(new Unreadable("", origin, ArtifactKind.UNREADABLE,
                    "this is a HAR file: pass it as a file (inspect reads HAR files entry by entry)", false));
            return out;
        }
        if (n.has("keys") && n.get("keys").isArray()) {
            out.add(new Unreadable("", origin, ArtifactKind.UNREADABLE,
                    "this is a JWKS (signing keys), not an artifact: pass it with --jwks", false));
            return out;
        }
        for (String field : List.of("id_token", "access_token")) {
            JsonNode t = n.get(field);
            if (t != null && t.isTextual()) {
                out.add(fromToken(t.asText(), origin.withField(field), false));
            }
        }
        JsonNode err = n.get("error");
        if (err != null && err.isTextual()) {
            String desc = text(n, "error_description");
            List<Integer> codes = new ArrayList<>();
            JsonNode ec = n.get("error_codes");
            if (ec != null && ec.isArray()) {
                ec.forEach(c -> codes.add(c.asInt()));
            }
            for (int c : aadstsCodes(desc == null ? "" : desc)) {
                if (!codes.contains(c)) {
                    codes.add(c);
                }
            }
            out.add(new EntraError(json, origin.withField("error"), codes, err.asText(), oneLine(desc),
                    text(n, "suberror"), httpStatus));
        } else if (err != null && err.isObject()) {
            // Graph-style {"error": {"code": "...", "message": "..."}}
            out.add(new PartnerCenterError(json, origin.withField("error"), text(err, "code"),
                    oneLine(text(err, "message")), httpStatus));
        }
        if (out.isEmpty() && (n.has("code") || n.has("errorCode") || n.has("description"))) {
            String code = n.has("code") ? n.get("code").asText() : n.has("errorCode") ? n.get("errorCode").asText() : null;
            String desc = firstText(n, "description", "message", "errorMessage");
            out.add(new PartnerCenterError(json, origin.withField("code"), code, oneLine(desc), httpStatus));
        }
        return out;
    }

    /** Decodes XML into a WS-Fed response, a SAML 2.0 message, or an {@link Unreadable}. */
    public Artifact fromXml(String xml, Origin origin) {
        Document d;
        try {
            d = SecureXml.parse(xml);
        } catch (XmlRefusedException e) {
            ArtifactKind guess = xml.contains("RequestSecurityTokenResponse") || xml.contains("SAML:1.0:assertion")
                    ? ArtifactKind.WSFED_RSTR : xml.contains("SAML:2.0") ? ArtifactKind.SAML2_RESPONSE : ArtifactKind.UNREADABLE;
            return new Unreadable(shorten(xml), origin, guess, e.getMessage(),
                    e.reason() != XmlRefusedException.Reason.MALFORMED);
        }
        Element root = d.getDocumentElement();
        if ("Envelope".equals(root.getLocalName())) {
            Element body = firstChildElement(root, "Body");
            Element inner = body == null ? null : firstChildElement(body, null);
            if (inner != null) {
                root = inner;
            }
        }
        String ns = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        String ln = root.getLocalName();
        if ((WSTRUST_2005.equals(ns) || WSTRUST_13.equals(ns))
                && (ln.equals("RequestSecurityTokenResponse") || ln.equals("RequestSecurityTokenResponseCollection"))) {
            return wsFed(xml, origin, d, root, ns);
        }
        if (SamlParser.isSaml11Assertion(root)) {
            return new WsFedResponse(xml, origin, d, null, false, null, List.of(SamlParser.saml11(root)));
        }
        if (SAML2P.equals(ns) && ln.equals("Response")) {
            return saml2Response(xml, origin, d, root);
        }
        if (SamlParser.isSaml2Assertion(root)) {
            return new Saml2Response(xml, origin, d, null, null, null, null, null, null, null, false,
                    List.of(SamlParser.saml2(root)), 0);
        }
        if (SAML2P.equals(ns) && ln.equals("AuthnRequest")) {
            return authnRequest(xml, origin, root);
        }
        return new Unreadable(shorten(xml), origin, ArtifactKind.UNREADABLE,
                "XML root element {" + ns + "}" + ln + " is not a WS-Fed RSTR, a SAML assertion or a SAML 2.0 Response", false);
    }

    /** Decodes a token: a JWS (Entra or EAM by issuer), a JWE or anything else as opaque. */
    public Artifact fromToken(String token, Origin origin, boolean postedToEamEndpoint) {
        String t = token.strip();
        if (JwtParser.looksLikeJwe(t)) {
            return new OpaqueToken(t, origin, "an encrypted JWT (JWE): its claims cannot be read without the recipient's key");
        }
        if (!JwtParser.looksLikeJws(t)) {
            return new OpaqueToken(t, origin, "not a JWT (" + t.length() + " characters, no three base64url segments)");
        }
        return fromJws(t, origin, postedToEamEndpoint);
    }

    /** Decodes {@code t}, already stripped and known to have the JWS shape. */
    private Artifact fromJws(String t, Origin origin, boolean postedToEamEndpoint) {
        try {
            JwtToken j = JwtParser.parse(t, origin, ArtifactKind.ENTRA_TOKEN);
            return j.as(classify(j, postedToEamEndpoint));
        } catch (JwtParser.MalformedJwtException e) {
            return new Unreadable(t, origin, ArtifactKind.ENTRA_TOKEN, e.getMessage(), false);
        }
    }

    private ArtifactKind classify(JwtToken j, boolean postedToEamEndpoint) {
        if (forcedKind == ArtifactKind.EAM_ID_TOKEN || forcedKind == ArtifactKind.ENTRA_TOKEN) {
            return forcedKind;
        }
        if (cloud.isEntraIssuer(j.iss())) {
            return ArtifactKind.ENTRA_TOKEN;
        }
        return postedToEamEndpoint ? ArtifactKind.EAM_ID_TOKEN : ArtifactKind.ENTRA_TOKEN;
    }

    private Artifact fromBase64Xml(String b64, Origin origin) {
        byte[] bytes;
        try {
            bytes = Base64Text.decode(b64);
        } catch (IllegalArgumentException e) {
            return new Unreadable(shorten(b64), origin, ArtifactKind.SAML2_RESPONSE, "the value is not valid base64", false);
        }
        String xml = new String(bytes, StandardCharsets.UTF_8);
        if (!SecureXml.looksLikeXml(xml)) {
            return new Unreadable(shorten(b64), origin, ArtifactKind.SAML2_RESPONSE,
                    "the base64 value does not decode to XML", false);
        }
        return fromXml(xml, origin);
    }

    private Artifact fromSamlRequest(String b64, Origin origin) {
        byte[] bytes;
        try {
            bytes = Base64Text.decode(b64);
        } catch (IllegalArgumentException e) {
            return new Unreadable(shorten(b64), origin, ArtifactKind.SAML2_AUTHN_REQUEST, "SAMLRequest is not valid base64", false);
        }
        String xml = new String(bytes, StandardCharsets.UTF_8);
        if (!SecureXml.looksLikeXml(xml)) {
            // HTTP-Redirect binding: raw DEFLATE (RFC 1951) before base64.
            try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes), new Inflater(true))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    if (out.size() > SecureXml.MAX_CHARS) {
                        return new Unreadable("", origin, ArtifactKind.SAML2_AUTHN_REQUEST, "SAMLRequest inflates beyond the size limit", true);
                    }
                }
                xml = out.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return new Unreadable(shorten(b64), origin, ArtifactKind.SAML2_AUTHN_REQUEST,
                        "SAMLRequest is neither XML nor deflated XML", false);
            }
        }
        return fromXml(xml, origin);
    }

    private WsFedResponse wsFed(String xml, Origin origin, Document d, Element root, String ns) {
        boolean collection = root.getLocalName().equals("RequestSecurityTokenResponseCollection");
        List<Element> rstrs = collection ? Dom.children(root, ns, "RequestSecurityTokenResponse") : List.of(root);
        List<SamlAssertion> assertions = new ArrayList<>();
        String appliesTo = null;
        for (Element rstr : rstrs) {
            for (Element rst : Dom.children(rstr, ns, "RequestedSecurityToken")) {
                for (Element e : Dom.childElements(rst)) {
                    if (SamlParser.isSaml11Assertion(e)) {
                        assertions.add(SamlParser.saml11(e));
                    } else if (SamlParser.isSaml2Assertion(e)) {
                        assertions.add(SamlParser.saml2(e));
                    }
                }
            }
            if (appliesTo == null) {
                appliesTo = appliesTo(rstr);
            }
        }
        return new WsFedResponse(xml, origin, d, WSTRUST_13.equals(ns) ? "1.3" : "2005/02", collection, appliesTo, assertions);
    }

    private static String appliesTo(Element rstr) {
        for (Element e : Dom.childElements(rstr)) {
            if ("AppliesTo".equals(e.getLocalName())) {
                for (String addrNs : List.of(org.mfaharness.artifact.saml.SamlNamespaces.WSA,
                        org.mfaharness.artifact.saml.SamlNamespaces.WSA_2004)) {
                    for (Element a : Dom.descendants(e, addrNs, "Address")) {
                        return Dom.collapse(Dom.text(a));
                    }
                }
            }
        }
        return null;
    }

    private Saml2Response saml2Response(String xml, Origin origin, Document d, Element r) {
        String status = null;
        String statusMessage = null;
        for (Element st : Dom.children(r, SAML2P, "Status")) {
            for (Element sc : Dom.children(st, SAML2P, "StatusCode")) {
                status = Dom.attr(sc, "Value");
            }
            for (Element sm : Dom.children(st, SAML2P, "StatusMessage")) {
                statusMessage = Dom.text(sm);
            }
        }
        List<Saml2Assertion> assertions = new ArrayList<>();
        for (Element a : Dom.children(r, SAML2, "Assertion")) {
            assertions.add(SamlParser.saml2(a));
        }
        int encrypted = Dom.children(r, SAML2, "EncryptedAssertion").size();
        String issuer = Dom.child(r, SAML2, "Issuer").map(Dom::text).orElse(null);
        return new Saml2Response(xml, origin, d, r, Dom.attr(r, "ID"), status, statusMessage, Dom.attr(r, "Destination"),
                Dom.attr(r, "InResponseTo"), issuer, Dom.child(r, Dom.DSIG_NS, "Signature").isPresent(), assertions, encrypted);
    }

    private static Saml2AuthnRequest authnRequest(String xml, Origin origin, Element r) {
        List<String> refs = new ArrayList<>();
        for (Element rac : Dom.children(r, SAML2P, "RequestedAuthnContext")) {
            for (Element ref : Dom.children(rac, SAML2, "AuthnContextClassRef")) {
                refs.add(Dom.collapse(Dom.text(ref)));
            }
        }
        return new Saml2AuthnRequest(xml, origin, Dom.attr(r, "ID"),
                Dom.child(r, SAML2, "Issuer").map(Dom::text).orElse(null),
                Dom.attr(r, "AssertionConsumerServiceURL"), refs, "true".equals(Dom.attr(r, "ForceAuthn")));
    }

    private EamRequest eamRequest(FormBody form, Origin origin) {
        JwtToken hint = null;
        Artifact h = fromToken(form.first("id_token_hint"), origin.withField("id_token_hint"), false);
        if (h instanceof JwtToken j) {
            hint = j.as(ArtifactKind.ENTRA_TOKEN);
        }
        List<String> acr = new ArrayList<>();
        List<String> amr = new ArrayList<>();
        String claims = form.first("claims");
        if (claims != null) {
            try {
                JsonNode c = JSON.readTree(claims);
                JsonNode idt = c == null ? null : c.get("id_token");
                if (idt != null) {
                    values(idt.path("acr"), acr);
                    values(idt.path("amr"), amr);
                }
            } catch (IOException e) {
                // An unreadable claims parameter leaves the requested values unknown; checks report "not checked".
            }
        }
        return new EamRequest(describe(form, "client_id", "redirect_uri", "response_type", "response_mode", "scope",
                "nonce", "state", "claims"), origin.withField("id_token_hint"), form.first("client_id"),
                form.first("redirect_uri"), form.first("response_type"), form.first("response_mode"), form.first("scope"),
                form.first("nonce"), form.first("state"), hint, acr, amr, claims);
    }

    private static void values(JsonNode claim, List<String> out) {
        JsonNode v = claim.path("values");
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        } else if (claim.path("value").isTextual()) {
            out.add(claim.path("value").asText());
        }
    }

    /** AADSTS errors and Partner Center MFA errors written in a text or an HTML page; empty when there are none. */
    public List<Artifact> errorsInText(String s, Origin origin) {
        List<Artifact> out = new ArrayList<>();
        List<Integer> codes = aadstsCodes(s);
        if (!codes.isEmpty()) {
            out.add(new EntraError(shorten(s), origin, codes, null, lineWith(s, "AADSTS" + codes.get(0)), null, 0));
        } else if (PC_MFA_TEXT.matcher(s).find()) {
            Matcher m = PC_MFA_TEXT.matcher(s);
            m.find();
            String g = m.group();
            String code = g.contains("10001") ? "10001" : g.contains("900421") ? "900421"
                    : g.contains("Unauthorized_MissingMFA") ? "Unauthorized_MissingMFA" : "MFA required";
            out.add(new PartnerCenterError(shorten(s), origin, code, lineWith(s, m.group()), 0));
        }
        return out;
    }

    /** The AADSTS numbers in a text, distinct, in order of appearance. */
    private static List<Integer> aadstsCodes(String s) {
        Set<Integer> codes = new LinkedHashSet<>();
        Matcher m = AADSTS.matcher(s);
        while (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
        return new ArrayList<>(codes);
    }

    private static String queryPart(String s) {
        if ((s.startsWith("https://") || s.startsWith("http://")) && s.indexOf('?') > 0) {
            String q = s.substring(s.indexOf('?') + 1);
            int hash = q.indexOf('#');
            return hash >= 0 ? q.substring(0, hash) + "&" + q.substring(hash + 1) : q;
        }
        if (s.startsWith("#")) {
            return s.substring(1);
        }
        return s;
    }

    private static String describe(FormBody form, String... names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            String v = form.first(n);
            if (v != null) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(n).append('=').append(v);
            }
        }
        return sb.toString();
    }

    private static Element firstChildElement(Element parent, String localName) {
        return Dom.childElements(parent).stream().filter(e -> localName == null || localName.equals(e.getLocalName()))
                .findFirst().orElse(null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    private static String firstText(JsonNode n, String... fields) {
        for (String f : fields) {
            String t = text(n, f);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static String lineWith(String s, String needle) {
        for (String line : s.split("\\R")) {
            if (line.contains(needle)) {
                return oneLine(line.length() > 400 ? line.substring(0, 400) + "…" : line);
            }
        }
        return oneLine(s.length() > 400 ? s.substring(0, 400) + "…" : s);
    }

    private static String oneLine(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").trim();
    }

    private static String shorten(String s) {
        return s.length() > 100_000 ? s.substring(0, 100_000) : s;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    @Override
    public String toString() {
        return "ArtifactDetector[cloud=" + cloud.name() + (forcedKind == null ? "" : ", kind=" + forcedKind.label().toLowerCase(Locale.ROOT)) + "]";
    }
}
