package org.mfaharness.scenario.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openqa.selenium.By;

/**
 * One step of a scenario's {@code steps:} list, immutable. In YAML:
 * <pre>{@code
 * steps:
 *   - url-matches: "/adfs/ls/"                      # optional: a regex found in the current URL; the step waits for it
 *     fill: {selector: "id:userNameInput", value: "${upn}"}
 *   - fill: {selector: "#passwordInput", value: "${password}"}
 *   - click: "#submitButton"
 *   - wait-for: "xpath://h1[contains(., 'Verify')]"
 *     timeout: 30                                   # seconds, for wait-for and pause-for-human
 *   - totp: "name:otp"                              # types the current TOTP code
 *   - pause-for-human: "Approve the push on your phone"
 * }</pre>
 * Selectors are CSS by default, with {@code id:}, {@code name:}, {@code xpath:} and {@code css:} prefixes. A
 * {@code fill} value may mix literal text with {@code ${upn}}, {@code ${password}} and {@code ${totp}}, resolved
 * from the sign-in's secrets when the step runs; values are never logged.
 *
 * @param index      the position in the list (for messages: {@code steps[2]})
 * @param urlMatches where the step applies; null: anywhere
 * @param kind       the action
 * @param selector   the selector as written (null for {@code pause-for-human})
 * @param by         its locator (null for {@code pause-for-human})
 * @param text       the {@code fill} value template, or the {@code pause-for-human} message; else null
 * @param timeout    the {@code wait-for} / {@code pause-for-human} limit
 */
public record Step(int index, Pattern urlMatches, Kind kind, String selector, By by, String text, Duration timeout) {
    /** The default limit of {@code wait-for}. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    /** The default limit of {@code pause-for-human}. */
    public static final Duration DEFAULT_PAUSE = Duration.ofMinutes(5);
    /** The variables a {@code fill} value may use. */
    public static final Set<String> VARIABLES = Set.of("upn", "password", "totp");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final List<String> ACTIONS = List.of("fill", "click", "wait-for", "totp", "pause-for-human");
    private static final List<String> MODIFIERS = List.of("url-matches", "timeout");

    /** The actions. */
    public enum Kind {
        FILL("fill"), CLICK("click"), WAIT_FOR("wait-for"), TOTP("totp"), PAUSE_FOR_HUMAN("pause-for-human");

        /** The YAML key. */
        public final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    public Step {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The steps of a scenario file, as Jackson reads its {@code steps:} list (maps of strings, maps and numbers). */
    public static List<Step> parse(List<? extends Map<String, ?>> steps) {
        if (steps == null) {
            return List.of();
        }
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(parse(i, steps.get(i)));
        }
        return List.copyOf(out);
    }

    /** One step; {@code index} is its place in the list, for messages. */
    public static Step parse(int index, Map<String, ?> raw) {
        String at = "steps[" + index + "]";
        if (raw == null || raw.isEmpty()) {
            throw new StepParseException(at + ": empty step; a step has one of " + String.join(", ", ACTIONS));
        }
        Map<String, Object> m = new LinkedHashMap<>(raw);
        List<String> actions = new ArrayList<>();
        for (String key : m.keySet()) {
            if (ACTIONS.contains(key)) {
                actions.add(key);
            } else if (!MODIFIERS.contains(key)) {
                throw new StepParseException(at + "." + key + ": unknown action; a step has one of "
                        + String.join(", ", ACTIONS) + " (and optionally url-matches, timeout)");
            }
        }
        if (actions.isEmpty()) {
            throw new StepParseException(at + ": no action; a step has one of " + String.join(", ", ACTIONS));
        }
        if (actions.size() > 1) {
            throw new StepParseException(at + ": more than one action (" + String.join(", ", actions)
                    + "); a step has exactly one");
        }
        Pattern url = null;
        if (m.containsKey("url-matches")) {
            String regex = string(at, "url-matches", m.get("url-matches"));
            try {
                url = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new StepParseException(at + ".url-matches: '" + regex + "' is not a valid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }
        String action = actions.get(0);
        Kind kind = switch (action) {
            case "fill" -> Kind.FILL;
            case "click" -> Kind.CLICK;
            case "wait-for" -> Kind.WAIT_FOR;
            case "totp" -> Kind.TOTP;
            default -> Kind.PAUSE_FOR_HUMAN;
        };
        Duration timeout = kind == Kind.PAUSE_FOR_HUMAN ? DEFAULT_PAUSE : DEFAULT_WAIT;
        if (m.containsKey("timeout")) {
            if (kind != Kind.WAIT_FOR && kind != Kind.PAUSE_FOR_HUMAN) {
                throw new StepParseException(at + ".timeout: applies to wait-for and pause-for-human only, not " + action);
            }
            timeout = seconds(at, m.get("timeout"));
        }
        Object value = m.get(action);
        return switch (kind) {
            case FILL -> {
                if (!(value instanceof Map<?, ?> f)) {
                    throw new StepParseException(at + ".fill: needs {selector: ..., value: ...}, not " + kindOf(value));
                }
                for (Object k : f.keySet()) {
                    if (!"selector".equals(k) && !"value".equals(k)) {
                        throw new StepParseException(at + ".fill." + k + ": unknown key (known: selector, value)");
                    }
                }
                String selector = string(at, "fill.selector", f.get("selector"));
                String template = string(at, "fill.value", f.get("value"));
                checkVariables(at, template);
                yield new Step(index, url, kind, selector, locator(at, "fill.selector", selector), template, timeout);
            }
            case PAUSE_FOR_HUMAN -> new Step(index, url, kind, null, null,
                    string(at, "pause-for-human", value), timeout);
            default -> {
                String selector = string(at, action, value);
                yield new Step(index, url, kind, selector, locator(at, action, selector), null, timeout);
            }
        };
    }

    /** Whether the step applies at {@code url}. */
    public boolean appliesAt(String url) {
        return urlMatches == null || urlMatches.matcher(url).find();
    }

    /** {@code steps[2] (click #submitButton)}: how messages name the step (never a fill value). */
    public String describe() {
        return "steps[" + index + "] (" + kind.key + (selector == null ? "" : " " + selector) + ")";
    }

    /** The variables the {@code fill} value uses, in order. */
    public List<String> variables() {
        if (text == null || kind != Kind.FILL) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Resolves the {@code fill} value against the context; throws when a needed secret is absent. */
    Secret resolve(SignInContext ctx, String party) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Secret s = switch (m.group(1)) {
                case "upn" -> ctx.upn().orElseThrow(() -> missing("${upn}", "user name"));
                case "password" -> {
                    Secret p = ctx.password().orElseThrow(() -> missing("${password}", "password"));
                    ctx.typingPassword(); // the resolved value is typed at once
                    yield p;
                }
                default -> ctx.totp().orElseThrow(() -> missing("${totp}", "TOTP seed"))
                        .next(party, ctx.timeLeft()).value();
            };
            m.appendReplacement(b, Matcher.quoteReplacement(s.reveal()));
        }
        m.appendTail(b);
        return Secret.of(b.toString());
    }

    private SignInFailedException missing(String variable, String what) {
        return SignInFailedException.of(SignInFailedException.Kind.MISSING_INPUT, null,
                describe() + " uses " + variable + " but the sign-in has no " + what);
    }

    @Override
    public String toString() {
        return "Step[" + describe() + (urlMatches == null ? "" : " at /" + urlMatches.pattern() + "/") + "]";
    }

    private static void checkVariables(String at, String template) {
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            if (!VARIABLES.contains(m.group(1))) {
                throw new StepParseException(at + ".fill.value: refers to ${" + m.group(1)
                        + "}; only ${upn}, ${password} and ${totp} are known");
            }
        }
        if (template.isEmpty()) {
            throw new StepParseException(at + ".fill.value: is empty");
        }
    }

    private static By locator(String at, String key, String selector) {
        try {
            return Selectors.by(selector);
        } catch (IllegalArgumentException e) {
            throw new StepParseException(at + "." + key + ": " + e.getMessage());
        }
    }

    private static String string(String at, String key, Object v) {
        if (v instanceof String s) {
            if (s.isBlank()) {
                throw new StepParseException(at + "." + key + ": is empty");
            }
            return s;
        }
        if (v == null) {
            throw new StepParseException(at + "." + key + ": is missing");
        }
        throw new StepParseException(at + "." + key + ": must be a string, not " + kindOf(v));
    }

    private static Duration seconds(String at, Object v) {
        if (v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 3600) {
            return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
        }
        throw new StepParseException(at + ".timeout: must be a number of seconds above 0 and at most 3600, not "
                + (v instanceof Number ? v : kindOf(v)));
    }

    private static String kindOf(Object v) {
        if (v instanceof Map) {
            return "a map";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v == null) {
            return "nothing";
        }
        return v instanceof Number ? "a number" : v instanceof Boolean ? "a boolean" : v instanceof String ? "a string"
                : v.getClass().getSimpleName();
    }
}
