package org.mfaharness.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.proxy.exchange.Body;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.exchange.Header;
import org.mfaharness.testing.Saml2Builder;

/** What one captured exchange yields, field by field. */
class CaptureExtractorTest {
    static Exchange post(String url, String form) {
        return new Exchange(1, Instant.now(), "127.0.0.1:5000", "POST", url, "HTTP/1.1",
                List.of(new Header("Content-Type", "application/x-www-form-urlencoded")),
                Body.of(form.getBytes(StandardCharsets.UTF_8)), 200, "OK", List.of(), Body.of(new byte[0]), null, null, null, null);
    }

    @Test
    void aMalformedEscapeInAnotherFieldDoesNotHideTheSamlResponseOfAPostedForm() {
        String saml = java.net.URLEncoder.encode(Saml2Builder.response().classRefs("http://schemas.microsoft.com/claims/multipleauthn")
                .buildBase64(), StandardCharsets.UTF_8);
        List<Artifact> got = new CaptureExtractor(new ArtifactDetector(CloudProfile.PUBLIC, null))
                .extract(post("https://login.microsoftonline.com/login.srf", "SAMLResponse=" + saml + "&RelayState=100%&x=%zz"));
        assertThat(got).anyMatch(a -> a instanceof Saml2Response);
        // Guessing what arbitrary text is stays strict: the same text is not taken for a form there.
        assertThat(org.mfaharness.artifact.http.FormBody.parse("SAMLResponse=" + saml + "&RelayState=100%")).isNull();
        assertThat(org.mfaharness.artifact.http.FormBody.lenient("a=1&b=%zz&=c&d=4").fields()).containsOnlyKeys("a", "d");
    }
}
