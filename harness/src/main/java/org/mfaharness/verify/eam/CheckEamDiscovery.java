package org.mfaharness.verify.eam;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.trust.EamDiscovery;

/**
 * The provider's discovery document has the form Entra requires: the URL is https and ends exactly in
 * {@code /.well-known/openid-configuration}; an https {@code issuer} without query or fragment;
 * {@code authorization_endpoint}; an https {@code jwks_uri}; {@code response_types_supported} ∋ {@code id_token};
 * {@code id_token_signing_alg_values_supported} ∋ {@code RS256}; {@code scopes_supported} ∋ {@code openid};
 * {@code subject_types_supported}; {@code claim_types_supported} ∋ {@code normal} when present.
 * Runs only when the document was given. Source: spec (c) 3, §3.
 */
public final class CheckEamDiscovery implements Check<JwtToken> {
    static final String WELL_KNOWN = "/.well-known/openid-configuration";

    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        EamDiscovery d = ctx.options().trust().eamDiscovery();
        if (d == null) {
            out.notChecked(ReasonCode.EAM_DISCOVERY_METADATA, "the provider's discovery document was not given (--eam-discovery)");
            return;
        }
        if (d.url() != null) {
            URI u = URI.create(d.url());
            if (!"https".equals(u.getScheme()) || u.getRawQuery() != null || u.getRawFragment() != null
                    || u.getPath() == null || !u.getPath().endsWith(WELL_KNOWN)) {
                out.add(ReasonCode.EAM_DISCOVERY_URL, "The discovery URL " + d.url()
                        + " must be https and end exactly in " + WELL_KNOWN + ", without query or fragment.",
                        Evidence.expected("discovery.url", d.url(), "https://…" + WELL_KNOWN));
            }
        }
        List<String> missing = new ArrayList<>();
        String issuer = d.string("issuer");
        if (issuer == null || !issuer.startsWith("https://") || issuer.contains("?") || issuer.contains("#")) {
            missing.add("an https issuer without query or fragment");
        }
        if (d.string("authorization_endpoint") == null) {
            missing.add("authorization_endpoint");
        }
        String jwksUri = d.string("jwks_uri");
        if (jwksUri == null || !jwksUri.startsWith("https://")) {
            missing.add("an https jwks_uri");
        }
        if (!contains(d.document().get("response_types_supported"), "id_token")) {
            missing.add("response_types_supported containing id_token");
        }
        if (!contains(d.document().get("id_token_signing_alg_values_supported"), "RS256")) {
            missing.add("id_token_signing_alg_values_supported containing RS256");
        }
        if (!contains(d.document().get("scopes_supported"), "openid")) {
            missing.add("scopes_supported containing openid");
        }
        JsonNode subjectTypes = d.document().get("subject_types_supported");
        if (subjectTypes == null || !subjectTypes.isArray() || subjectTypes.isEmpty()) {
            missing.add("subject_types_supported");
        }
        JsonNode claimTypes = d.document().get("claim_types_supported");
        if (claimTypes != null && !contains(claimTypes, "normal")) {
            missing.add("claim_types_supported containing normal (it is present)");
        }
        if (!missing.isEmpty()) {
            out.add(ReasonCode.EAM_DISCOVERY_METADATA, "The discovery document lacks " + String.join("; ", missing) + ".",
                    Evidence.at("discovery", String.join("; ", missing)));
        }
    }

    private static boolean contains(JsonNode array, String value) {
        if (array == null || !array.isArray()) {
            return false;
        }
        for (JsonNode v : array) {
            if (value.equals(v.asText())) {
                return true;
            }
        }
        return false;
    }
}
