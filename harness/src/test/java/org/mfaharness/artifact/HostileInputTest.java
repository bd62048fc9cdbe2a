package org.mfaharness.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfaharness.testing.JudgementAssert.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.testing.Judging;
import org.mfaharness.testing.WsFedBuilder;
import org.mfaharness.verify.MfaReading;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.Verdict;

/** Hostile and malformed input gets a finding with a reason — never an exception, a hang or a network access. */
@Timeout(10)
class HostileInputTest {
    static ArtifactDetector detector() {
        return new ArtifactDetector(CloudProfile.PUBLIC, null);
    }

    @Test
    void anExternalEntityIsRefusedBeforeAnythingIsFetched() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"http://127.0.0.1:9/leak\">]>"
                + "<t:RequestSecurityTokenResponse xmlns:t=\"http://schemas.xmlsoap.org/ws/2005/02/trust\">&x;</t:RequestSecurityTokenResponse>";
        assertThat(Judging.judgeOne(xxe, Judging.untrusted()))
                .hasVerdict(Verdict.FAIL).hasMfa(MfaReading.UNKNOWN).hasFinding(ReasonCode.XML_REFUSED);
    }

    @Test
    void entityExpansionIsRefused() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:1.0:assertion\">&lol2;</saml:Assertion>";
        assertThat(Judging.judgeOne(bomb, Judging.untrusted())).hasFinding(ReasonCode.XML_REFUSED);
    }

    @Test
    void aDoctypeHiddenInLowerCaseIsRefused() {
        assertThat(Judging.judgeOne("<!doctype x><x/>", Judging.untrusted())).hasFinding(ReasonCode.XML_REFUSED);
    }

    @Test
    void absurdNestingIsRefused() {
        String deep = "<a>".repeat(5000) + "</a>".repeat(5000);
        assertThat(Judging.judgeOne(deep, Judging.untrusted())).hasFinding(ReasonCode.XML_REFUSED);
    }

    @Test
    void truncatedXmlIsAParseFindingWithThePosition() {
        String xml = WsFedBuilder.rstr().build();
        var j = Judging.judgeOne(xml.substring(0, xml.length() / 2), Judging.untrusted());
        assertThat(j).hasVerdict(Verdict.INCONCLUSIVE).hasFinding(ReasonCode.WSF_PARSE_ERROR);
        assertThat(j.findings().get(0).message()).contains("line");
    }

    @Test
    void anOversizedInputIsRefusedWithoutParsing() {
        String big = "<a>" + "x".repeat(ArtifactDetector.MAX_INPUT_CHARS) + "</a>";
        var arts = detector().detect(big, Origin.input(null));
        assertThat(arts).singleElement().isInstanceOf(Unreadable.class);
    }

    @Test
    void garbageIsUnrecognisedNotAnError() {
        assertThat(Judging.judgeOne("hello, this is not a token", Judging.untrusted()))
                .hasVerdict(Verdict.INCONCLUSIVE).hasFinding(ReasonCode.INPUT_UNRECOGNISED);
    }

    @Test
    void aJwtWithBrokenJsonIsMalformed() {
        String bad = "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln";
        assertThat(Judging.judgeOne(bad, Judging.untrusted())).hasVerdict(Verdict.INCONCLUSIVE).hasFinding(ReasonCode.TOKEN_MALFORMED);
    }

    @Test
    void aJweIsOpaque() {
        String jwe = "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6ji.XFBoMYUZodetZdvTiFvSkQ";
        assertThat(Judging.judgeOne(jwe, Judging.untrusted())).hasVerdict(Verdict.INCONCLUSIVE).hasFinding(ReasonCode.TOKEN_OPAQUE);
    }

    @Test
    void aRefreshTokenLookingStringIsOpaque() {
        assertThat(Judging.judgeOne("Authorization: Bearer 0.AXwAabc-def_ghi", Judging.untrusted())).hasFinding(ReasonCode.TOKEN_OPAQUE);
    }

    @Test
    void badBase64InASamlResponseFieldIsAFinding() {
        assertThat(Judging.judgeOne("SAMLResponse=%%%not-base64%%%", Judging.untrusted())).hasVerdict(Verdict.INCONCLUSIVE);
    }

    @Test
    void aHugeTokenIsRefusedAsMalformedNotParsed() {
        String huge = "eyJhbGciOiJSUzI1NiJ9." + "A".repeat(300_000) + ".c2ln";
        var arts = detector().detect(huge, Origin.input(null));
        assertThat(arts).singleElement().isNotInstanceOf(JwtToken.class);
        assertThat(((Unreadable) arts.get(0)).reason()).isEqualTo("token of " + huge.length()
                + " characters exceeds the 262144 accepted");
        assertThat(Judging.judgeOne(huge, Judging.untrusted())).hasFinding(ReasonCode.TOKEN_MALFORMED);
    }

    @Test
    void aPathologicalUnclosedTagEndsAsUnreadableWithinTheClassTimeout() {
        assertThat(detector().detect("<" + "a".repeat(1_000_000), Origin.input(null)))
                .singleElement().isInstanceOf(Unreadable.class);
    }
}
