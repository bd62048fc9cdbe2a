package org.mfaharness.lab.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Lab Entra's side of an External Authentication Method, written from the spec's section 3: it checks the provider's
 * discovery document and JWKS (HTTPS, exact path, {@code id_token} response type, RS256, openid, {@code x5c} on every
 * key: else AADSTS50161), and validates the id_token the provider posts back: signature with the provider's key
 * (AADSTS50012), {@code iss} equal to the discovery issuer character for character, {@code aud} = client id,
 * {@code sub} = the hint's {@code sub}, {@code nonce}, time window (AADSTS50027), exactly one requested {@code acr}
 * and exactly one allowed {@code amr} (AADSTS50161).
 */
final class EamHandOff {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String DISCOVERY_SUFFIX = "/.well-known/openid-configuration";
    static final List<String> REQUESTED_ACR = List.of("possessionorinherence");
    static final List<String> REQUESTED_AMR = List.of("face", "fido", "fpt", "hwk", "iris", "otp", "pop", "retina",
            "sc", "sms", "swk", "tel", "vbm");
    static final Set<String> ALLOWED_AMR = Set.copyOf(REQUESTED_AMR);
    static final Duration SKEW = Duration.ofMinutes(5);
    /** Entra drops an EAM attempt about 5 minutes after the redirect (spec section 3). */
    static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(5);

    /** The provider metadata Entra relies on. */
    record Metadata(String issuer, String authorizationEndpoint, JWKSet keys) {
    }

    private EamHandOff() {
    }

    /** The {@code claims} request parameter Entra sends (spec section 3). */
    static String claimsRequest() {
        var o = JSON.createObjectNode();
        var idt = o.putObject("id_token");
        var acr = idt.putObject("acr");
        acr.put("essential", true);
        REQUESTED_ACR.forEach(acr.putArray("values")::add);
        var amr = idt.putObject("amr");
        amr.put("essential", true);
        REQUESTED_AMR.forEach(amr.putArray("values")::add);
        return o.toString();
    }

    /** Checks the discovery URL and document and the JWKS it points to. */
    static Metadata metadata(String discoveryUrl, EamMetadataSource source) throws AadstsException {
        if (!discoveryUrl.startsWith("https://") || !discoveryUrl.endsWith(DISCOVERY_SUFFIX)
                || discoveryUrl.contains("?") || discoveryUrl.contains("#")) {
            throw fail50161("the discovery URL must be HTTPS and end in " + DISCOVERY_SUFFIX + ".");
        }
        JsonNode d = json(source.fetch(discoveryUrl).orElseThrow(() -> fail50161("discovery document not found.")));
        String issuer = d.path("issuer").asText(null);
        if (issuer == null || !issuer.startsWith("https://") || issuer.contains("?") || issuer.contains("#")) {
            throw fail50161("issuer must be an HTTPS URL without query or fragment.");
        }
        String authz = d.path("authorization_endpoint").asText(null);
        if (authz == null || !authz.startsWith("https://")) {
            throw fail50161("authorization_endpoint is missing.");
        }
        String jwksUri = d.path("jwks_uri").asText(null);
        if (jwksUri == null || !jwksUri.startsWith("https://")) {
            throw fail50161("jwks_uri must be HTTPS.");
        }
        if (!contains(d.path("response_types_supported"), "id_token")) {
            throw fail50161("response_types_supported does not contain id_token.");
        }
        if (!contains(d.path("scopes_supported"), "openid")) {
            throw fail50161("scopes_supported does not contain openid.");
        }
        if (!contains(d.path("id_token_signing_alg_values_supported"), "RS256")) {
            throw fail50161("id_token_signing_alg_values_supported does not contain RS256.");
        }
        if (!d.has("subject_types_supported")) {
            throw fail50161("subject_types_supported is missing.");
        }
        if (d.has("claim_types_supported") && !contains(d.path("claim_types_supported"), "normal")) {
            throw fail50161("claim_types_supported does not contain normal.");
        }
        JWKSet keys;
        try {
            keys = JWKSet.parse(source.fetch(jwksUri).orElseThrow(() -> fail50161("JWKS not found.")));
        } catch (java.text.ParseException e) {
            throw fail50161("the JWKS is not valid.");
        }
        for (JWK k : keys.getKeys()) {
            if (k.getX509CertChain() == null || k.getX509CertChain().isEmpty()) {
                throw fail50161("the key " + k.getKeyID() + " in the JWKS has no x5c.");
            }
        }
        return new Metadata(issuer, authz, keys);
    }

    /**
     * Validates the provider's id_token.
     *
     * @param idToken  the posted token
     * @param meta     the provider's metadata
     * @param clientId the client id Entra used
     * @param hintSub  the {@code sub} of the hint Entra sent
     * @param nonce    the nonce Entra sent
     * @param now      the time
     * @return the one {@code amr} value
     */
    static String validate(String idToken, Metadata meta, String clientId, String hintSub, String nonce, Instant now)
            throws AadstsException {
        SignedJWT jwt;
        JWTClaimsSet c;
        try {
            jwt = SignedJWT.parse(idToken);
            c = jwt.getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new AadstsException(Aadsts.invalidJwt50027("The id_token is not a signed JWT."));
        }
        String iss = c.getIssuer();
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new AadstsException(Aadsts.externalSignature50012(String.valueOf(iss)));
        }
        JWK jwk = jwt.getHeader().getKeyID() == null ? null : meta.keys().getKeyByKeyId(jwt.getHeader().getKeyID());
        try {
            if (!(jwk instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                throw new AadstsException(Aadsts.externalSignature50012(String.valueOf(iss)));
            }
        } catch (JOSEException e) {
            throw new AadstsException(Aadsts.externalSignature50012(String.valueOf(iss)));
        }
        if (iss == null || !iss.equals(meta.issuer())) {
            throw new AadstsException(Aadsts.invalidJwt50027("Unexpected issuer '" + iss + "'; expected '" + meta.issuer() + "'."));
        }
        if (c.getAudience() == null || c.getAudience().size() != 1 || !clientId.equals(c.getAudience().get(0))) {
            throw new AadstsException(Aadsts.invalidJwt50027("Unexpected audience " + c.getAudience() + "."));
        }
        if (c.getSubject() == null) {
            throw new AadstsException(Aadsts.invalidJwt50027("The sub claim is missing."));
        }
        if (!c.getSubject().equals(hintSub)) {
            throw new AadstsException(Aadsts.invalidJwt50027("Subject mismatch: sub must be the sub of the id_token_hint."));
        }
        Object n = c.getClaim("nonce");
        if (n == null) {
            throw new AadstsException(Aadsts.invalidJwt50027("The nonce claim is missing."));
        }
        if (!nonce.equals(n)) {
            throw new AadstsException(Aadsts.invalidJwt50027("The nonce does not match the request."));
        }
        Date exp = c.getExpirationTime();
        Date iat = c.getIssueTime();
        if (exp == null || iat == null || !now.isBefore(exp.toInstant().plus(SKEW))
                || now.plus(SKEW).isBefore(iat.toInstant())) {
            throw new AadstsException(Aadsts.invalidJwt50027("The token is outside its valid time range."));
        }
        Object acr = c.getClaim("acr");
        if (!(acr instanceof String a) || !REQUESTED_ACR.contains(a)) {
            throw fail50161("acr must be one of the requested values " + REQUESTED_ACR + ", not " + acr + ".");
        }
        Object amr = c.getClaim("amr");
        if (!(amr instanceof List<?> list) || list.size() != 1 || !(list.get(0) instanceof String v)
                || !ALLOWED_AMR.contains(v)) {
            throw fail50161("amr must be an array with exactly one of " + REQUESTED_AMR + ", not " + amr + ".");
        }
        return v;
    }

    /** The host of an endpoint, for messages. */
    static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static AadstsException fail50161(String detail) {
        return new AadstsException(Aadsts.invalidExternalChallengeConfiguration50161(detail));
    }

    private static boolean contains(JsonNode array, String value) {
        if (!array.isArray()) {
            return false;
        }
        for (JsonNode n : array) {
            if (value.equals(n.asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode json(String s) throws AadstsException {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw fail50161("the discovery document is not JSON.");
        }
    }
}
