package org.mfaharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.EamRequest;
import org.mfaharness.artifact.EamResponse;
import org.mfaharness.artifact.EntraError;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.artifact.PartnerCenterError;
import org.mfaharness.artifact.Saml2AuthnRequest;
import org.mfaharness.artifact.Saml2Response;
import org.mfaharness.artifact.SignInEvent;
import org.mfaharness.artifact.TokenRequest;
import org.mfaharness.artifact.WsFedResponse;
import org.mfaharness.artifact.WsFedSignInRequest;
import org.mfaharness.artifact.saml.Saml11Assertion;
import org.mfaharness.artifact.saml.Saml2Assertion;
import org.mfaharness.artifact.saml.SamlAssertion;
import org.mfaharness.artifact.saml.SamlAttribute;

/**
 * The few facts about an artifact a reader wants first (issuer, subject, audience, amr, times). Never secrets:
 * tokens are summarised, not copied.
 */
public final class ArtifactSummary {
    private ArtifactSummary() {
    }

    public static Map<String, Object> of(Artifact a) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (a instanceof WsFedResponse r) {
            if (r.trustVersion() != null) {
                m.put("wsTrust", r.trustVersion());
            }
            if (r.appliesTo() != null) {
                m.put("appliesTo", r.appliesTo());
            }
            if (!r.assertions().isEmpty()) {
                assertion(r.assertions().get(0), m);
            }
        } else if (a instanceof Saml2Response r) {
            if (r.statusCode() != null) {
                m.put("status", r.statusCode());
            }
            if (!r.assertions().isEmpty()) {
                assertion(r.assertions().get(0), m);
            }
        } else if (a instanceof JwtToken t) {
            for (String c : List.of("iss", "aud", "ver", "tid", "upn", "preferred_username", "unique_name", "sub", "oid",
                    "idp", "appid", "azp", "scp", "acr", "amr", "nonce")) {
                JsonNode v = t.claims().get(c);
                if (v != null) {
                    m.put(c, v.isTextual() ? v.asText() : v.toString());
                }
            }
            for (String c : List.of("iat", "nbf", "exp")) {
                Long v = t.claimLong(c);
                if (v != null) {
                    m.put(c, Instant.ofEpochSecond(v).toString());
                }
            }
            m.put("alg", t.alg());
            if (t.kid() != null) {
                m.put("kid", t.kid());
            }
        } else if (a instanceof EntraError e) {
            m.put("codes", e.codes());
            if (e.error() != null) {
                m.put("error", e.error());
            }
            if (e.description() != null) {
                m.put("description", e.description());
            }
        } else if (a instanceof PartnerCenterError e) {
            m.put("code", e.code());
            m.put("description", e.description());
            if (e.httpStatus() > 0) {
                m.put("httpStatus", e.httpStatus());
            }
        } else if (a instanceof EamRequest r) {
            m.put("client_id", r.clientId());
            m.put("redirect_uri", r.redirectUri());
            m.put("acr", r.acrValues());
            m.put("amr", r.amrValues());
            if (r.idTokenHint() != null) {
                m.put("hint_sub", r.idTokenHint().claimString("sub"));
            }
        } else if (a instanceof EamResponse r) {
            m.put("id_token", r.hasIdToken());
            if (r.error() != null) {
                m.put("error", r.error());
            }
        } else if (a instanceof WsFedSignInRequest r) {
            m.put("wtrealm", r.wtrealm());
            m.put("wauth", r.wauth());
            m.put("wfresh", r.wfresh());
        } else if (a instanceof Saml2AuthnRequest r) {
            m.put("id", r.id());
            m.put("issuer", r.issuer());
            m.put("requestedAuthnContext", r.requestedClassRefs());
        } else if (a instanceof TokenRequest r) {
            m.put("grant_type", r.grantType());
            m.put("client_id", r.clientId());
            m.put("scope", r.scope() != null ? r.scope() : r.resource());
        } else if (a instanceof SignInEvent e) {
            m.put("event", e.type().name());
            m.put("detail", e.detail());
        }
        m.values().removeIf(v -> v == null);
        return m;
    }

    private static void assertion(SamlAssertion a, Map<String, Object> m) {
        m.put("saml", a.samlVersion());
        m.put("issuer", a.issuer());
        m.put("id", a.id());
        a.conditions().ifPresent(c -> {
            m.put("audience", String.join(" ", c.audiences()));
            m.put("notOnOrAfter", c.notOnOrAfter());
        });
        if (a instanceof Saml11Assertion s) {
            m.put("nameIdentifier", s.nameIdentifier());
            m.put("authenticationMethod", s.authenticationStatements().stream()
                    .map(Saml11Assertion.AuthenticationStatement::method).toList());
        } else if (a instanceof Saml2Assertion s) {
            m.put("nameId", s.nameId());
            m.put("authnContextClassRef", s.authnStatements().stream().flatMap(st -> st.classRefs().stream()).toList());
        }
        for (SamlAttribute at : a.attributes()) {
            if (at.name() != null && (at.name().equalsIgnoreCase("upn") || at.name().equals("IDPEmail")
                    || at.name().endsWith("/upn"))) {
                m.put("upn", at.values().isEmpty() ? null : at.values().get(0));
            }
        }
    }
}
