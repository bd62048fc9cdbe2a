package org.mfaharness.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.lab.config.Directory;
import org.mfaharness.lab.config.LabConfig;
import org.mfaharness.lab.config.LabConfigException;
import org.mfaharness.lab.config.LabConfigLoader;

/** The lab configuration is read strictly: unknown keys, missing fields and bad values are clear errors with a path. */
class LabConfigValidationTest {
    static final String TENANT = """
            tenants:
              - id: 3f2c8a1e-5b7d-4e9a-8c21-0d4b6e9f7a10
                domains:
                  - {name: a.lab.test, protocol: managed}
                users:
                  - {upn: u@a.lab.test, password: p, totpSeed: JBSWY3DPEHPK3PXP}
            """;

    static Directory load(String yaml) {
        return Directory.of(LabConfigLoader.parse(yaml, "test config"));
    }

    @Test
    void theBuiltInConfigurationIsValidAndHasOneUserPerScenario() {
        Directory d = Directory.of(LabConfigLoader.builtIn());
        assertThat(d.users()).hasSizeGreaterThan(30);
        assertThat(d.users()).allSatisfy(u -> assertThat(u.scenario()).isNotBlank());
        assertThat(d.users().stream().map(Directory.UserInfo::totpSeed).distinct()).hasSize(d.users().size());
        assertThat(d.domain("wsfed-noclaim-accept.lab.test").orElseThrow().mfaBehavior())
                .isEqualTo(Directory.MfaBehavior.ACCEPT);
        assertThat(d.domain("wsfed-legacy-supportsmfa.lab.test").orElseThrow().mfaBehavior())
                .as("SupportsMfa=true without federatedIdpMfaBehavior is enforce").isEqualTo(Directory.MfaBehavior.ENFORCE);
    }

    @Test
    void aMinimalConfigurationLoads() {
        Directory d = load(TENANT);
        assertThat(d.user("U@A.lab.test")).isPresent();
        assertThat(d.user("u@a.lab.test").orElseThrow().toString()).doesNotContain("JBSWY3DPEHPK3PXP");
    }

    @Test
    void anUnknownKeyIsRefusedWithItsPlaceAndTheKnownKeys() {
        assertThatThrownBy(() -> load(TENANT.replace("protocol: managed", "protocol: managed, protocl: x")))
                .isInstanceOf(LabConfigException.class)
                .hasMessageContaining("unknown key 'protocl'")
                .hasMessageContaining("tenants[0].domains[0]")
                .hasMessageContaining("known keys:").hasMessageContaining("federatedIdpMfaBehavior");
    }

    @Test
    void missingFieldsAreListedTogetherWithTheirPaths() {
        String yaml = """
                tenants:
                  - id: 3f2c8a1e-5b7d-4e9a-8c21-0d4b6e9f7a10
                    domains:
                      - {name: a.lab.test, protocol: wsfed, idp: nope}
                      - {name: b.lab.test, protocol: managed}
                    users:
                      - {upn: u@b.lab.test, totpSeed: JBSWY3DPEHPK3PXP}
                      - {upn: v@b.lab.test, password: p}
                """;
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(LabConfigException.class)
                .hasMessageContaining("tenants[0].domains[0]: 'idp' must name one of the idps")
                .hasMessageContaining("tenants[0].users[0] (u@b.lab.test): 'password' is missing")
                .hasMessageContaining("tenants[0].users[1] (v@b.lab.test): 'totpSeed' is missing");
    }

    @Test
    void badValuesNameTheAllowedOnes() {
        String yaml = """
                idps:
                  - {id: adfs, protocol: wsfed, host: adfs.x.lab.test}
                tenants:
                  - id: not-a-guid
                  - id: 3f2c8a1e-5b7d-4e9a-8c21-0d4b6e9f7a10
                    domains:
                      - {name: a.lab.test, protocol: wsfed, idp: adfs, federatedIdpMfaBehavior: acceptAlways,
                         idpBehavior: {mfaClaim: class-ref}}
                      - {name: b.lab.test, protocol: wsfed, idp: adfs, idpBehavior: {signature: md5}}
                      - {name: c.lab.test, protocol: wsfed, idp: adfs, idpBehavior: {mfaClaim: class-ref}}
                """;
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(LabConfigException.class)
                .hasMessageContaining("tenants[0]: 'id' must be a tenant GUID")
                .hasMessageContaining("'federatedIdpMfaBehavior' must be acceptIfMfaDoneByFederatedIdp")
                .hasMessageContaining("idpBehavior.signature: must be one of rsa-sha256, rsa-sha1, none, wrong-key, not 'md5'")
                .hasMessageContaining("class-ref is not a wsfed placement");
    }

    @Test
    void secretsCanBeReferencedFromAFileAndAMissingReferenceIsAnErrorWithoutTheValue(@TempDir Path tmp) throws Exception {
        Path seed = Files.writeString(tmp.resolve("seed"), "JBSWY3DPEHPK3PXQ\n");
        Directory d = load(TENANT.replace("totpSeed: JBSWY3DPEHPK3PXP", "totpSeed: \"file:" + seed + "\""));
        assertThat(d.user("u@a.lab.test").orElseThrow().totpSeed()).isEqualTo("JBSWY3DPEHPK3PXQ");
        assertThatThrownBy(() -> load(TENANT.replace("password: p", "password: env:MFA_HARNESS_LAB_NO_SUCH_VARIABLE")))
                .isInstanceOf(LabConfigException.class)
                .hasMessageContaining("environment variable MFA_HARNESS_LAB_NO_SUCH_VARIABLE is not set");
    }

    @Test
    void notYamlAndUnreadableFilesAreClearErrors(@TempDir Path tmp) throws Exception {
        assertThatThrownBy(() -> LabConfigLoader.parse("tenants: [", "x.yaml")).isInstanceOf(LabConfigException.class)
                .hasMessageStartingWith("x.yaml: not valid YAML");
        assertThatThrownBy(() -> LabConfigLoader.read(tmp.resolve("missing.yaml"))).isInstanceOf(LabConfigException.class)
                .hasMessageContaining("cannot be read");
        Path f = Files.writeString(tmp.resolve("ok.yaml"), TENANT);
        LabConfig c = LabConfigLoader.read(f);
        assertThat(c.tenants()).hasSize(1);
    }
}
