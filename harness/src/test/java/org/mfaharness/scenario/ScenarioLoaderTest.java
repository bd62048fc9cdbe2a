package org.mfaharness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mfaharness.scenario.driver.Secret;
import org.mfaharness.verify.MfaBy;
import org.mfaharness.verify.MfaReading;

/** Scenario files are validated before any browser starts; every shipped scenario and template loads. */
class ScenarioLoaderTest {
    @TempDir
    Path dir;

    static Stream<Path> shipped() throws IOException {
        try (Stream<Path> a = Files.list(Path.of("../scenarios/lab")); Stream<Path> b = Files.list(Path.of("../scenarios/templates"))) {
            return Stream.concat(a.toList().stream(), b.toList().stream()).filter(p -> p.toString().endsWith(".yaml")).sorted();
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyShippedScenarioLoads(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file);
        assertThat(s.user().upn()).contains("@");
        assertThat(s.name()).isEqualTo(file.getFileName().toString().replace(".yaml", ""));
    }

    Scenario parse(String yaml) throws ScenarioException {
        return ScenarioLoader.parse(yaml, "test.yaml", "test", null);
    }

    @Test
    void defaultsAreTheAzureCliClientAndTheInteractiveFlow() throws Exception {
        Scenario s = parse("user: {upn: a@b.test, password: env:P}\nexpect: {mfa: satisfied, satisfiedBy: federated-idp}");
        assertThat(s.clientId()).isEqualTo("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
        assertThat(s.flow()).isEqualTo(Scenario.Flow.INTERACTIVE);
        assertThat(s.cloud()).isEqualTo("public");
        assertThat(s.expect().mfa()).isEqualTo(MfaReading.PRESENT);
        assertThat(s.expect().mfaBy()).isEqualTo(MfaBy.FEDERATED_IDP);
    }

    @Test
    void anInlinePasswordIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> parse("user: {upn: a@b.test, password: Hunter2!}"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("user.password").hasMessageContaining("env:NAME")
                .hasMessageNotContaining("Hunter2");
    }

    @Test
    void unknownKeysAreErrorsNamingThePath() {
        assertThatThrownBy(() -> parse("user: {upn: a@b.test, pasword: env:P}")).hasMessageContaining("user.pasword: unknown key");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nbrowser: firefox")).hasMessageContaining("browser: unknown key");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nexpect: {mfa: PRESENT, mfaby: entra}")).hasMessageContaining("expect.mfaby");
    }

    @Test
    void badValuesAreErrors() {
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\ncloud: mars")).hasMessageContaining("cloud");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nflow: carrier-pigeon")).hasMessageContaining("flow");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nexpect: {reasons: [NOT_A_CODE]}")).hasMessageContaining("NOT_A_CODE");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nexpect: {mfaBy: the-vendor}")).hasMessageContaining("mfaBy");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nsteps: [{jump: '#x'}]")).hasMessageContaining("steps[0].jump");
        assertThatThrownBy(() -> parse("expect: {mfa: PRESENT}")).hasMessageContaining("user: is missing");
        assertThatThrownBy(() -> parse("user: [1, 2")).hasMessageContaining("not valid YAML");
    }

    @Test
    void aBadStepValueIsRefusedWhenTheFileLoadsNamingItsPath() {
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nsteps: [{url-matches: \"[unclosed\", click: '#x'}]"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("test.yaml: steps[0].url-matches: '[unclosed' is not a valid regular expression");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nsteps: [{click: '#a'}, {click: [1, 2]}]"))
                .hasMessage("test.yaml: steps[1].click: must be a string, not a list");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nsteps: [{wait-for: '#a', timeout: 0}]"))
                .hasMessageContaining("steps[0].timeout: must be a number of seconds above 0");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nsteps: [{wait-for: '#a', timeout: -5}]"))
                .hasMessageContaining("steps[0].timeout");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nsteps: [{fill: {selector: '#a', value: 3}}]"))
                .hasMessageContaining("steps[0].fill.value: must be a string, not a number");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nsteps: [{click: 'xpath://div['}]"))
                .hasMessageContaining("steps[0].click: 'xpath://div[' is not a valid XPath expression");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nsteps: [{pause-for-human: {text: hi}}]"))
                .hasMessageContaining("steps[0].pause-for-human: must be a string, not a map");
    }

    @Test
    void aStepTimeoutDocumentedInDriversMdIsAccepted() throws Exception {
        Scenario s = parse("user: {upn: a@b.test}\nsteps: [{url-matches: '/verify', wait-for: '#otp', timeout: 30}]");
        assertThat(s.steps().get(0)).containsEntry("timeout", 30);
    }

    @Test
    void anAuthorityMustBeAnAbsoluteHttpsBaseUrl() throws Exception {
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nauthority: not a url"))
                .hasMessage("test.yaml: authority: 'not a url' is not an absolute https URL (like https://login.microsoftonline.com)");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nauthority: http://login.microsoftonline.com"))
                .hasMessageContaining("authority: 'http://login.microsoftonline.com' is not an absolute https URL");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nauthority: https://login.microsoftonline.com/contoso"))
                .hasMessageContaining("the tenant goes in tenant:");
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\ncloud: usgov\nauthority: login.microsoftonline.us"))
                .hasMessageContaining("(like https://login.microsoftonline.us)");
        assertThat(parse("user: {upn: a@b.test}\nauthority: https://login.microsoftonline.com/").authority())
                .isEqualTo("https://login.microsoftonline.com/");
        assertThat(parse("user: {upn: a@b.test}\nauthority: https://login.example.test:8443").authority())
                .isEqualTo("https://login.example.test:8443");
    }

    @Test
    void aLabScenariosAuthorityIsTheLabsOwnSignInHostOrNothing() throws Exception {
        assertThatThrownBy(() -> parse("cloud: lab\nuser: {upn: a@b.test, password: lab}\nauthority: not a url"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("authority: 'not a url' is not an absolute https URL");
        assertThatThrownBy(() -> parse("cloud: lab\nuser: {upn: a@b.test, password: lab}\nauthority: https://login.microsoftonline.com"))
                .hasMessage("test.yaml: authority: the lab's Entra answers at https://login.lab.test only, not "
                        + "'https://login.microsoftonline.com' (leave authority: out for cloud: lab)");
        assertThat(parse("cloud: lab\nuser: {upn: a@b.test, password: lab}\nauthority: https://login.lab.test").authority())
                .isEqualTo("https://login.lab.test");
        assertThat(parse("cloud: lab\nuser: {upn: a@b.test, password: lab}").authority()).isNull();
    }

    @Test
    void anAoboCallMustBeAnHttpsUrl() {
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\naobo: {tenant: t, scope: s, call: '/subscriptions'}"))
                .hasMessage("test.yaml: aobo.call: '/subscriptions' is not an absolute https URL");
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingTheKeyAndItsLine() throws Exception {
        assertThatThrownBy(() -> parse("user: {upn: a@b.test}\nexpect: {verdict: PASS}\nexpect: {verdict: FAIL}\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("test.yaml: line 3: key 'expect' appears twice in the same mapping (give each key once)");
        assertThatThrownBy(() -> parse("cloud: lab\nuser: {upn: a@b.test}\ncloud: public\n"))
                .hasMessageContaining("line 3: key 'cloud' appears twice");
        assertThatThrownBy(() -> parse("user:\n  upn: a@b.test\n  upn: c@d.test\n"))
                .hasMessageContaining("line 3: key 'upn' appears twice");
        Path json = Files.writeString(dir.resolve("twice.json"),
                "{\"user\": {\"upn\": \"a@b.test\"},\n \"expect\": {\"verdict\": \"PASS\"},\n \"expect\": {}}\n");
        assertThatThrownBy(() -> ScenarioLoader.load(json))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.unreadable()).isFalse())
                .hasMessage(json + ": line 3: key 'expect' appears twice in the same mapping (give each key once)");
    }

    @Test
    void aMissingFileOrAFolderIsUnreadableWhileBadContentIsInvalid() throws Exception {
        assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("nonexist.yaml")))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.unreadable()).isTrue())
                .hasMessage(dir.resolve("nonexist.yaml") + ": no such file");
        assertThatThrownBy(() -> ScenarioLoader.load(dir))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.unreadable()).isTrue())
                .hasMessageContaining("cannot be read (it is a folder");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "user: {upn: a@b.test}\ncloud: mars\n");
        assertThatThrownBy(() -> ScenarioLoader.load(bad))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.unreadable()).isFalse());
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'u', 's', 'e', 'r', ':', ' ', (byte) 0xe9});
        assertThatThrownBy(() -> ScenarioLoader.load(latin1))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.unreadable()).isFalse())
                .hasMessage(latin1 + ": not UTF-8 text");
    }

    @Test
    void missingSecretsAreErrorsBeforeAnythingRuns() throws Exception {
        Scenario s = parse("user: {upn: a@b.test, password: env:MFA_HARNESS_TEST_UNSET_VARIABLE}");
        assertThatThrownBy(() -> s.user().password().resolve(Map.of(), dir, null, "test.yaml: user.password"))
                .hasMessageContaining("MFA_HARNESS_TEST_UNSET_VARIABLE is not set");
        Files.writeString(dir.resolve("seed.txt"), "JBSWY3DPEHPK3PXP\n");
        Secret seed = SecretRef.parse("file:seed.txt", "x").resolve(Map.of(), dir, null, "x");
        assertThat(seed.reveal()).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(seed.toString()).doesNotContain("JBSWY3DPEHPK3PXP");
        assertThatThrownBy(() -> SecretRef.parse("lab", "x").resolve(Map.of(), dir, null, "x")).hasMessageContaining("embedded lab");
    }

    @Test
    void declarativeStepsAreKeptInOrder() throws Exception {
        Scenario s = parse("user: {upn: a@b.test}\nsteps:\n  - {url-matches: 'duo', pause-for-human: 'approve'}\n  - {click: '#next'}");
        assertThat(s.steps()).hasSize(2);
        assertThat(s.steps().get(1)).containsEntry("click", "#next");
        assertThat(List.copyOf(s.steps().get(0).keySet())).containsExactly("url-matches", "pause-for-human");
    }
}
