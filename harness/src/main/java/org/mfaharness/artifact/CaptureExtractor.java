package org.mfaharness.artifact;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mfaharness.artifact.http.FormBody;
import org.mfaharness.proxy.exchange.Bodies;
import org.mfaharness.proxy.exchange.Exchange;

/**
 * Turns the exchanges of one capture (a live proxy run or a HAR file), in order, into artifacts: what each request
 * carried (query string, form body, Bearer header) and each response returned (token-endpoint JSON, error JSON, an
 * error page's AADSTS text, a redirect's query or fragment). Artifacts are found by field and content, never by
 * host; the judged assertion is the one the server received (the POST body), not the auto-post page that carried it.
 *
 * <p>It also records what attribution needs: Entra's own MFA endpoints ({@code /SAS/BeginAuth}, {@code EndAuth},
 * {@code ProcessAuth}), and — once a WS-Fed sign-in request or AuthnRequest named the IdP's host — the IdP's pages
 * and any second-factor interaction there (an OTP or passcode field posted, a {@code /mfa} or factor-verify path,
 * an AD FS {@code AuthMethod} other than forms or Windows authentication). Not thread-safe: one per capture.
 */
public final class CaptureExtractor {
    static final Pattern ENTRA_MFA_PATH = Pattern.compile("(?i)/SAS/(BeginAuth|EndAuth|ProcessAuth)\\b");
    static final Pattern SECOND_FACTOR_PATH = Pattern.compile("(?i)(/mfa\\b|/factors/|/verify\\b|/otp\\b|/totp\\b|/duo\\b|/push\\b|/challenge\\b)");
    static final Set<String> SECOND_FACTOR_FIELDS = Set.of("totpcode", "otp", "otc", "totp", "passcode", "verificationcode",
            "mfacode", "onetimecode", "token_code", "tokencode", "answer", "code", "pin");
    static final Set<String> FIRST_FACTOR_METHODS = Set.of("formsauthentication", "windowsauthentication", "certificateauthentication");

    private final ArtifactDetector detector;
    private final Set<String> idpHosts = new java.util.HashSet<>();

    public CaptureExtractor(ArtifactDetector detector) {
        this.detector = detector;
    }

    /** The artifacts and events of one exchange, in request-then-response order. */
    public List<Artifact> extract(Exchange e) {
        List<Artifact> out = new ArrayList<>();
        int hop = (int) Math.min(Integer.MAX_VALUE, e.sequence());
        Origin request = new Origin(hop, e.started(), e.method(), e.url(), null, "request");
        Origin response = new Origin(hop, e.started(), e.method(), e.url(), null, "response");
        URI uri = uri(e.url());
        String host = uri == null || uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri == null || uri.getRawPath() == null ? "" : uri.getRawPath();
        boolean toIdp = host != null && idpHosts.contains(host);

        // The request: query string, form body, Authorization header.
        FormBody query = uri == null || uri.getRawQuery() == null ? null : FormBody.lenient(uri.getRawQuery());
        if (query != null) {
            out.addAll(detector.fromForm(query, request));
        }
        FormBody form = null;
        String contentType = e.requestHeader("Content-Type").orElse("");
        if (Bodies.mimeType(contentType).equals("application/x-www-form-urlencoded") && e.requestBody().originalSize() > 0) {
            form = FormBody.lenient(e.requestText());
            if (form != null) {
                out.addAll(detector.fromForm(form, request));
            }
        }
        Optional<String> auth = e.requestHeader("Authorization");
        if (auth.isPresent() && auth.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            out.add(detector.fromToken(auth.get().substring(7).strip(), request.withField("Authorization"), false));
        }
        for (Artifact a : out) {
            if ((a instanceof WsFedSignInRequest || a instanceof Saml2AuthnRequest) && host != null) {
                idpHosts.add(host);
            }
        }

        // Attribution events.
        if (ENTRA_MFA_PATH.matcher(path).find()) {
            out.add(new SignInEvent("", request, SignInEvent.Type.ENTRA_MFA_PROMPT, e.method() + " " + path));
        }
        if (toIdp) {
            out.add(new SignInEvent("", request, SignInEvent.Type.IDP_PAGE, e.method() + " " + path));
            String factor = secondFactor(path, form);
            if (factor != null) {
                out.add(new SignInEvent("", request, SignInEvent.Type.IDP_SECOND_FACTOR, factor));
            }
        }

        // The response: JSON bodies, error pages, redirects.
        String rct = Bodies.mimeType(e.responseHeader("Content-Type").orElse(""));
        if (e.status() > 0 && e.responseBody().originalSize() > 0) {
            String text = e.responseText();
            if (rct.contains("json") || (rct.isEmpty() && text.stripLeading().startsWith("{"))) {
                for (Artifact a : detector.fromJson(text, response, e.status())) {
                    if (a instanceof Unreadable) {
                        continue; // discovery documents, JWKS and other JSON carry no artifact
                    }
                    if (a instanceof PartnerCenterError && e.status() < 400) {
                        continue;
                    }
                    out.add(a);
                }
            } else if (rct.equals("text/html")) {
                out.addAll(detector.errorsInText(HtmlText.of(text), response.withField("page")));
            } else if (rct.equals("text/plain")) {
                out.addAll(detector.errorsInText(text, response.withField("page")));
            }
        }
        Optional<String> location = e.responseHeader("Location");
        if (location.isPresent()) {
            URI loc = uri(location.get());
            if (loc != null) {
                Origin redirect = response.withField("Location");
                for (String part : new String[] {loc.getRawQuery(), loc.getRawFragment()}) {
                    FormBody f = part == null ? null : FormBody.lenient(part);
                    if (f != null) {
                        // A redirect only announces the next request (judged when it is made); what counts here
                        // is what it returns to the client: errors and implicit-flow tokens.
                        for (Artifact a : detector.fromForm(f, redirect)) {
                            if (a instanceof EntraError || a instanceof JwtToken || a instanceof OpaqueToken) {
                                out.add(a);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String secondFactor(String path, FormBody form) {
        if (SECOND_FACTOR_PATH.matcher(path).find()) {
            return "second-factor path " + path;
        }
        if (form != null) {
            for (String name : form.fields().keySet()) {
                if (SECOND_FACTOR_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                    return "second-factor field " + name;
                }
            }
            String method = form.first("AuthMethod");
            if (method != null && !method.isBlank() && !FIRST_FACTOR_METHODS.contains(method.toLowerCase(Locale.ROOT))) {
                return "AD FS additional authentication " + method;
            }
        }
        return null;
    }

    private static URI uri(String s) {
        try {
            return URI.create(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
