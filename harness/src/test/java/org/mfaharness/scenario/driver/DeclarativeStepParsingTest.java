package org.mfaharness.scenario.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The {@code steps:} list as the scenario file gives it (Jackson maps): what parses, and the messages when not. */
class DeclarativeStepParsingTest {

    static Map<String, Object> step(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static void assertRejected(Map<String, Object> bad, String message) {
        assertThatThrownBy(() -> DeclarativeDriver.fromMaps(List.of(step("click", "#ok"), bad)))
                .isInstanceOf(StepParseException.class).hasMessage(message);
    }

    @Test
    void everyActionAndSelectorPrefixParses() {
        List<Step> steps = Step.parse(List.of(
                step("url-matches", "/adfs/ls/", "fill", Map.of("selector", "id:userNameInput", "value", "${upn}")),
                step("fill", Map.of("selector", "name:Password", "value", "${password}")),
                step("click", "xpath://span[@id='submitButton']"),
                step("wait-for", "css:#totp", "timeout", 12),
                step("totp", "#totp"),
                step("pause-for-human", "Approve the push on your phone", "timeout", 90)));

        assertThat(steps).extracting(Step::kind).containsExactly(Step.Kind.FILL, Step.Kind.FILL, Step.Kind.CLICK,
                Step.Kind.WAIT_FOR, Step.Kind.TOTP, Step.Kind.PAUSE_FOR_HUMAN);
        assertThat(steps).extracting(Step::by).containsExactly(By.id("userNameInput"), By.name("Password"),
                By.xpath("//span[@id='submitButton']"), By.cssSelector("#totp"), By.cssSelector("#totp"), null);
        assertThat(steps.get(0).appliesAt("https://adfs.fabrikam.example/adfs/ls/?wa=wsignin1.0")).isTrue();
        assertThat(steps.get(0).appliesAt("https://login.microsoftonline.com/common/login")).isFalse();
        assertThat(steps.get(1).appliesAt("https://anywhere.example/")).isTrue();
        assertThat(steps.get(0).variables()).containsExactly("upn");
        assertThat(steps.get(3).timeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(steps.get(4).timeout()).isEqualTo(Step.DEFAULT_WAIT);
        assertThat(steps.get(5).timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(steps.get(5).text()).isEqualTo("Approve the push on your phone");
    }

    @Test
    void aFillValueMayMixLiteralTextAndVariablesAndIsResolvedFromTheSecrets() {
        Step s = Step.parse(0, step("fill", Map.of("selector", "#u", "value", "FABRIKAM\\${upn}")));
        SignInContext ctx = SignInContext.builder().upn(Secret.of("megan")).build();

        assertThat(s.resolve(ctx, "https://idp").reveal()).isEqualTo("FABRIKAM\\megan");
        assertThat(s.toString()).isEqualTo("Step[steps[0] (fill #u)]").doesNotContain("FABRIKAM");
    }

    @Test
    void aVariableWithoutItsSecretFailsWhenTheStepRunsNamingTheStep() {
        Step s = Step.parse(3, step("fill", Map.of("selector", "#p", "value", "${password}")));

        assertThatThrownBy(() -> s.resolve(SignInContext.builder().build(), "https://idp"))
                .isInstanceOfSatisfying(SignInFailedException.class,
                        e -> assertThat(e.kind()).isEqualTo(SignInFailedException.Kind.MISSING_INPUT))
                .hasMessage("steps[3] (fill #p) uses ${password} but the sign-in has no password");
    }

    @Test
    void anUnknownActionIsNamedWithTheKnownOnes() {
        assertRejected(step("tap", "#x"), "steps[1].tap: unknown action; a step has one of fill, click, wait-for, "
                + "totp, pause-for-human (and optionally url-matches, timeout)");
    }

    @Test
    void aBadRegularExpressionIsReportedWithTheReason() {
        assertRejected(step("url-matches", "/adfs/(ls", "click", "#submitButton"),
                "steps[1].url-matches: '/adfs/(ls' is not a valid regular expression: Unclosed group near index 9");
    }

    @Test
    void aStepNeedsExactlyOneAction() {
        assertRejected(step("url-matches", "/x"), "steps[1]: no action; a step has one of fill, click, wait-for, totp, "
                + "pause-for-human");
        assertRejected(step("click", "#a", "totp", "#b"), "steps[1]: more than one action (click, totp); a step has "
                + "exactly one");
        assertRejected(step(), "steps[1]: empty step; a step has one of fill, click, wait-for, totp, pause-for-human");
    }

    @Test
    void fillNeedsASelectorAndAValueWithKnownVariablesOnly() {
        assertRejected(step("fill", "#x"), "steps[1].fill: needs {selector: ..., value: ...}, not a string");
        assertRejected(step("fill", Map.of("value", "x")), "steps[1].fill.selector: is missing");
        assertRejected(step("fill", Map.of("selector", "#x", "value", "${secret}")),
                "steps[1].fill.value: refers to ${secret}; only ${upn}, ${password} and ${totp} are known");
        assertRejected(step("fill", Map.of("selector", "#x", "value", "v", "delay", 3)),
                "steps[1].fill.delay: unknown key (known: selector, value)");
    }

    @Test
    void selectorsAndTimeoutsAreChecked() {
        assertRejected(step("click", "xpath://div["), "steps[1].click: 'xpath://div[' is not a valid XPath expression");
        assertRejected(step("click", "id:"), "steps[1].click: 'id:' has a prefix but no selector");
        assertRejected(step("click", List.of("#a")), "steps[1].click: must be a string, not a list");
        assertRejected(step("wait-for", "#a", "timeout", "soon"),
                "steps[1].timeout: must be a number of seconds above 0 and at most 3600, not a string");
        assertRejected(step("wait-for", "#a", "timeout", 0),
                "steps[1].timeout: must be a number of seconds above 0 and at most 3600, not 0");
        assertRejected(step("click", "#a", "timeout", 5),
                "steps[1].timeout: applies to wait-for and pause-for-human only, not click");
    }
}
