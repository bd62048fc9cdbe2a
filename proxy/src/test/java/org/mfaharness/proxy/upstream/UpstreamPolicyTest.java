package org.mfaharness.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamPolicyTest {
    private final UpstreamPolicy policy = new UpstreamPolicy(
            List.of(HostMapping.parse("login.lab.test=127.0.0.1:8443"), HostMapping.parse("sts.lab.test=[::1]:9443")),
            List.of("*.allowed.example"), false);

    @Test
    void loopbackNamesAndLiteralsAreAllowed() {
        assertThat(policy.decide("localhost", 80).allowed()).isTrue();
        assertThat(policy.decide("idp.localhost", 80).allowed()).isTrue();
        assertThat(policy.decide("127.0.0.1", 80).allowed()).isTrue();
        assertThat(policy.decide("127.10.20.30", 80).allowed()).isTrue();
        assertThat(policy.decide("[::1]", 80).allowed()).isTrue();
    }

    @Test
    void mappedHostGoesToItsMappedAddress() {
        UpstreamDecision d = policy.decide("LOGIN.lab.test", 443);
        assertThat(d.allowed()).isTrue();
        assertThat(d.connectHost()).isEqualTo("127.0.0.1");
        assertThat(d.connectPort()).isEqualTo(8443);
        assertThat(d.host()).isEqualTo("login.lab.test");
        assertThat(policy.decide("sts.lab.test", 443).connectHost()).isEqualTo("::1");
    }

    @Test
    void otherNamesAndAddressesAreRefused() {
        UpstreamDecision d = policy.decide("login.microsoftonline.com", 443);
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).startsWith("upstream login.microsoftonline.com:443 refused");
        assertThat(policy.decide("10.0.0.1", 80).allowed()).isFalse();
        assertThat(policy.decide("notlocalhost", 80).allowed()).isFalse();
        assertThat(policy.decide("localhost.evil.example", 80).allowed()).isFalse();
    }

    @Test
    void allowPatternsAdmitTheirSubdomainsOnly() {
        assertThat(policy.decide("a.allowed.example", 443).allowed()).isTrue();
        assertThat(policy.decide("allowed.example", 443).allowed()).isFalse();
        assertThat(policy.decide("a.allowed.example.evil", 443).allowed()).isFalse();
    }

    @Test
    void upstreamAnyAdmitsEverything() {
        UpstreamPolicy any = new UpstreamPolicy(List.of(), List.of(), true);
        assertThat(any.decide("login.microsoftonline.com", 443).allowed()).isTrue();
        assertThat(any.decide("20.190.128.1", 443).allowed()).isTrue();
    }

    @Test
    void hostMapEntriesAreParsedOrRejectedWithAOneLineMessage() {
        assertThat(HostMapping.parse("a.test=127.0.0.1")).isEqualTo(new HostMapping("a.test", "127.0.0.1", -1));
        assertThatThrownBy(() -> HostMapping.parse("a.test")).hasMessageStartingWith("host map entry must look like");
        assertThatThrownBy(() -> HostMapping.parse("a.test=example.com:443"))
                .hasMessageStartingWith("host map target must be an IP literal or localhost");
        assertThatThrownBy(() -> HostMapping.parse("a.test=127.0.0.1:x")).hasMessageStartingWith("bad port");
        assertThatThrownBy(() -> new UpstreamPolicy(List.of(), List.of("a*.b"), false))
                .hasMessageStartingWith("allow pattern must be");
    }

    @Test
    void ipLiteralDetectionNeedsNoLookup() {
        assertThat(HostNames.isIpLiteral("127.0.0.1")).isTrue();
        assertThat(HostNames.isIpLiteral("::1")).isTrue();
        assertThat(HostNames.isIpLiteral("[fe80::1%eth0]")).isTrue();
        assertThat(HostNames.isIpLiteral("127.0.0.256")).isFalse();
        assertThat(HostNames.isIpLiteral("1.2.3")).isFalse();
        assertThat(HostNames.isIpLiteral("cafe")).isFalse();
    }
}
