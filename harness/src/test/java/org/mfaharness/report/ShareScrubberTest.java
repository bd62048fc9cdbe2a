package org.mfaharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.mfaharness.proxy.redact.FieldLocation;
import org.mfaharness.testing.Saml2Builder;

/** Share mode strips the signatures of the artifacts the harness judges, in every encoding the detector reads. */
class ShareScrubberTest {
    final ShareScrubber scrubber = new ShareScrubber();

    @Test
    void aSamlResponseLosesItsSignatureInTheStandardAndTheUrlSafeAlphabet() {
        byte[] xml = Saml2Builder.response().classRefs("http://schemas.microsoft.com/claims/multipleauthn").build()
                .getBytes(StandardCharsets.UTF_8);
        for (String encoded : new String[] {Base64.getEncoder().encodeToString(xml), Base64.getUrlEncoder().withoutPadding().encodeToString(xml)}) {
            String out = new String(Base64.getDecoder().decode(scrubber.scrub(FieldLocation.FORM, "SAMLResponse", encoded)),
                    StandardCharsets.UTF_8);
            assertThat(out).contains("multipleauthn").contains(SignatureStripper.MARK);
        }
    }

    @Test
    void otherFieldsAndUndecodableValuesPassUnchanged() {
        assertThat(scrubber.scrub(FieldLocation.FORM, "RelayState", "abc")).isEqualTo("abc");
        assertThat(scrubber.scrub(FieldLocation.FORM, "SAMLResponse", "%%%not base64")).isEqualTo("%%%not base64");
    }
}
