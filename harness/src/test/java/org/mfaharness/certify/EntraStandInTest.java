package org.mfaharness.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mfaharness.certify.run.EntraEndpoints;
import org.mfaharness.certify.run.EntraStandIn;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.proxy.ca.CaOptions;
import org.mfaharness.proxy.ca.CertificateAuthority;

/** The harness's own Entra identity: the hint it mints, and where it publishes its metadata. */
class EntraStandInTest {
    static final EntraStandIn STAND_IN = EntraStandIn.generate();
    static final String TID = "11111111-2222-3333-4444-555555555555";

    @Test
    void theHintHasEntrasShapeAndVerifiesWithThePublishedKeys() throws Exception {
        Instant now = Instant.now();
        SignedJWT hint = SignedJWT.parse(STAND_IN.hint(CloudProfile.PUBLIC, TID, "oid-1", "u@contoso.com", "U", "client-1", now));
        RSAKey key = (RSAKey) JWKSet.parse(STAND_IN.jwksJson()).getKeys().get(0);
        assertThat(hint.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(key.getX509CertChain()).isNotEmpty();
        var c = hint.getJWTClaimsSet();
        assertThat(c.getIssuer()).isEqualTo("https://login.microsoftonline.com/" + TID + "/v2.0");
        assertThat(c.getAudience()).containsExactly("client-1");
        assertThat(c.getStringClaim("ver")).isEqualTo("2.0");
        assertThat(c.getStringClaim("oid")).isEqualTo("oid-1");
        assertThat(c.getStringClaim("tid")).isEqualTo(TID);
        assertThat(c.getExpirationTime()).as("expired by design").isBefore(c.getIssueTime());
        assertThat(c.getSubject()).isEqualTo(EntraStandIn.pairwiseSub("oid-1", "client-1")).hasSize(43);
    }

    @Test
    void publishingOnANonLoopbackAddressNeedsAllowRemoteAndNothingIsBound() {
        CertificateAuthority ca = CertificateAuthority.generate(CaOptions.forRun());
        try (EntraEndpoints e = EntraEndpoints.start(CloudProfile.PUBLIC, STAND_IN, ca.serverSslContext("login.microsoftonline.com"))) {
            assertThatThrownBy(() -> e.publish(new InetSocketAddress("192.0.2.10", 8700), null, false))
                    .isInstanceOf(CertifyException.class).hasMessageContaining("--allow-remote");
            assertThat(e.discoveryUrl()).isEqualTo("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration");
        }
    }

    @Test
    void aPublishAddressInUseIsAUsageErrorOnOneLine() throws Exception {
        CertificateAuthority ca = CertificateAuthority.generate(CaOptions.forRun());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             EntraEndpoints e = EntraEndpoints.start(CloudProfile.PUBLIC, STAND_IN, ca.serverSslContext("login.microsoftonline.com"))) {
            assertThatThrownBy(() -> e.publish(new InetSocketAddress("127.0.0.1", taken.getLocalPort()), null, false))
                    .isInstanceOfSatisfying(CertifyException.class, x -> {
                        assertThat(x.exitCode()).isEqualTo(CertifyException.USAGE);
                        assertThat(x.getMessage()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).doesNotContain("\n");
                    });
        }
    }

    @Test
    void theDiscoveryDocumentAndKeysArePublishedOnLoopback() throws Exception {
        CertificateAuthority ca = CertificateAuthority.generate(CaOptions.forRun());
        try (EntraEndpoints e = EntraEndpoints.start(CloudProfile.PUBLIC, STAND_IN, ca.serverSslContext("login.microsoftonline.com"))) {
            String url = e.publish(new InetSocketAddress("127.0.0.1", 0), null, false);
            assertThat(url).startsWith("http://127.0.0.1:").endsWith("/common/v2.0/.well-known/openid-configuration");
            HttpClient http = HttpClient.newHttpClient();
            JsonNode d = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(d.get("issuer").asText()).isEqualTo("https://login.microsoftonline.com/{tenantid}/v2.0");
            String jwksUri = d.get("jwks_uri").asText();
            assertThat(jwksUri).startsWith(url.substring(0, url.indexOf("/common"))).endsWith("/common/discovery/v2.0/keys");
            HttpResponse<String> keys = http.send(HttpRequest.newBuilder(URI.create(jwksUri)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JWKSet.parse(keys.body()).getKeys()).hasSize(1);
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(url.replace("openid-configuration", "x"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
        }
    }
}
