package org.mfaharness.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.scenario.driver.Step;
import org.mfaharness.scenario.driver.StepParseException;
import org.mfaharness.verify.MfaBy;
import org.mfaharness.verify.MfaReading;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.Verdict;

/**
 * Reads scenario files (YAML; JSON is YAML too) strictly: unknown keys, keys given twice, wrong types, unknown values
 * and inline secrets are errors naming the file and the path inside it, before any browser starts.
 */
public final class ScenarioLoader {
    static final Set<String> TOP = Set.of("name", "description", "cloud", "authority", "tenant", "client", "scope", "flow",
            "refresh", "aobo", "partnerCenterCall", "user", "steps", "expect");
    static final Set<String> USER = Set.of("upn", "password", "totpSeed");
    static final Set<String> REFRESH = Set.of("scope");
    static final Set<String> AOBO = Set.of("tenant", "scope", "call");
    static final Set<String> EXPECT = Set.of("verdict", "mfa", "mfaBy", "satisfiedBy", "reasons", "aadsts");
    /** Refuses a key given twice in one mapping (YAML and JSON alike), instead of keeping the last. */
    private static final ObjectMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ScenarioLoader() {
    }

    /**
     * Loads one scenario file. A file that is missing or cannot be read is a {@link ScenarioException#unreadable()}
     * one (the command line's exit 66); anything wrong inside it is not (exit 64).
     */
    public static Scenario load(Path file) throws ScenarioException {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw ScenarioException.unreadable(file + ": cannot be read (it is a folder, not a scenario file)");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ScenarioException.unreadable(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw ScenarioException.unreadable(file + ": cannot be read (permission denied)");
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw ScenarioException.unreadable(file + ": cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        String base = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        return parse(text, file.toString(), base, file);
    }

    /** Parses scenario text; {@code where} names it in messages. */
    public static Scenario parse(String text, String where, String defaultName, Path file) throws ScenarioException {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String line = e.getLocation() == null ? "?" : String.valueOf(e.getLocation().getLineNr());
            java.util.regex.Matcher dup = java.util.regex.Pattern.compile("^Duplicate field '(.*)'").matcher(m);
            if (dup.find()) {
                throw new ScenarioException(where + ": line " + line + ": key '" + dup.group(1)
                        + "' appears twice in the same mapping (give each key once)");
            }
            throw new ScenarioException(where + ": not valid YAML/JSON at line " + line + ": "
                    + m.lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(where + ": a scenario is a mapping (name:, user:, expect: …)");
        }
        keys(root, TOP, where, "");
        String name = text(root, "name", where, defaultName);
        String cloud = text(root, "cloud", where, "public");
        if (CloudProfile.named(cloud).isEmpty()) {
            throw new ScenarioException(where + ": cloud: '" + cloud + "' is not one of " + CloudProfile.builtInNames());
        }
        String flowText = text(root, "flow", where, "interactive");
        Scenario.Flow flow = switch (flowText) {
            case "interactive" -> Scenario.Flow.INTERACTIVE;
            case "device-code" -> Scenario.Flow.DEVICE_CODE;
            default -> throw new ScenarioException(where + ": flow: '" + flowText + "' is not interactive or device-code");
        };
        Scenario.Refresh refresh = null;
        if (root.has("refresh")) {
            JsonNode r = object(root, "refresh", where);
            keys(r, REFRESH, where, "refresh.");
            refresh = new Scenario.Refresh(required(r, "scope", where, "refresh."));
        }
        Scenario.Aobo aobo = null;
        if (root.has("aobo")) {
            JsonNode a = object(root, "aobo", where);
            keys(a, AOBO, where, "aobo.");
            String call = a.has("call") ? required(a, "call", where, "aobo.") : null;
            if (call != null && !isHttpsUrl(call)) {
                throw new ScenarioException(where + ": aobo.call: '" + call + "' is not an absolute https URL");
            }
            aobo = new Scenario.Aobo(required(a, "tenant", where, "aobo."), required(a, "scope", where, "aobo."), call);
        }
        JsonNode u = object(root, "user", where);
        keys(u, USER, where, "user.");
        Scenario.User user = new Scenario.User(required(u, "upn", where, "user."),
                u.has("password") ? SecretRef.parse(required(u, "password", where, "user."), where + ": user.password") : null,
                u.has("totpSeed") ? SecretRef.parse(required(u, "totpSeed", where, "user."), where + ": user.totpSeed") : null);
        List<Map<String, Object>> steps = steps(root, where);
        Expectation expect = root.has("expect") ? expectation(object(root, "expect", where), where) : Expectation.none();
        boolean pc = true;
        if (root.has("partnerCenterCall")) {
            if (!root.get("partnerCenterCall").isBoolean()) {
                throw new ScenarioException(where + ": partnerCenterCall: must be true or false");
            }
            pc = root.get("partnerCenterCall").asBoolean();
        }
        return new Scenario(name, text(root, "description", where, ""), cloud, authority(root, cloud, where),
                text(root, "tenant", where, "organizations"), text(root, "client", where, Scenario.AZURE_CLI),
                text(root, "scope", where, null), flow, refresh, aobo, pc, user, steps, expect, file);
    }

    private static Expectation expectation(JsonNode e, String where) throws ScenarioException {
        keys(e, EXPECT, where, "expect.");
        Verdict verdict = null;
        if (e.has("verdict")) {
            verdict = enumValue(Verdict.class, required(e, "verdict", where, "expect."), where, "expect.verdict");
        }
        MfaReading mfa = null;
        if (e.has("mfa")) {
            String m = required(e, "mfa", where, "expect.");
            mfa = switch (m.toLowerCase(Locale.ROOT)) {
                case "satisfied" -> MfaReading.PRESENT;
                case "absent" -> MfaReading.ABSENT;
                default -> enumValue(MfaReading.class, m, where, "expect.mfa");
            };
        }
        MfaBy by = null;
        for (String k : List.of("mfaBy", "satisfiedBy")) {
            if (e.has(k)) {
                try {
                    by = MfaBy.fromLabel(required(e, k, where, "expect."));
                } catch (IllegalArgumentException ex) {
                    throw new ScenarioException(where + ": expect." + k + ": " + ex.getMessage());
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        if (e.has("reasons")) {
            JsonNode r = e.get("reasons");
            if (!r.isArray()) {
                throw new ScenarioException(where + ": expect.reasons: must be a list of reason codes");
            }
            for (JsonNode c : r) {
                String code = c.asText();
                try {
                    ReasonCode.valueOf(code);
                } catch (IllegalArgumentException ex) {
                    throw new ScenarioException(where + ": expect.reasons: '" + code + "' is not a reason code (docs/reason-codes.md)");
                }
                reasons.add(code);
            }
        }
        Integer aadsts = null;
        if (e.has("aadsts")) {
            String a = e.get("aadsts").asText().replaceFirst("^AADSTS", "");
            try {
                aadsts = Integer.parseInt(a);
            } catch (NumberFormatException ex) {
                throw new ScenarioException(where + ": expect.aadsts: '" + a + "' is not an AADSTS number");
            }
        }
        return new Expectation(verdict, mfa, by, reasons, aadsts);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(JsonNode root, String where) throws ScenarioException {
        if (!root.has("steps")) {
            return List.of();
        }
        JsonNode s = root.get("steps");
        if (!s.isArray()) {
            throw new ScenarioException(where + ": steps: must be a list");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            JsonNode step = s.get(i);
            if (!step.isObject()) {
                throw new ScenarioException(where + ": steps[" + i + "]: must be a mapping (e.g. click: '#next')");
            }
            Map<String, Object> m = YAML.convertValue(step, Map.class);
            try {
                // The same parse the sign-in uses, so every step value is checked before any browser starts.
                Step.parse(i, m);
            } catch (StepParseException e) {
                throw new ScenarioException(where + ": " + e.getMessage());
            }
            out.add(m);
        }
        return out;
    }

    /**
     * The {@code authority:} override: the sign-in host's base URL ({@code https://host[:port]}, no path: the tenant
     * goes in {@code tenant:}). A lab scenario runs where {@code mfa-harness lab} runs the lab, in named mode, whose
     * Entra answers at {@code https://login.lab.test} only (the proxy maps no other name to it).
     */
    private static String authority(JsonNode root, String cloud, String where) throws ScenarioException {
        if (!root.has("authority")) {
            return null;
        }
        String a = required(root, "authority", where, "");
        String example = cloud.equals("lab") ? "https://" + CloudProfile.LAB.loginHost()
                : "https://" + CloudProfile.named(cloud).orElseThrow().loginHost();
        if (!isHttpsUrl(a)) {
            throw new ScenarioException(where + ": authority: '" + a + "' is not an absolute https URL (like " + example + ")");
        }
        URI u = URI.create(a);
        if (u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null
                || !(u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/"))) {
            throw new ScenarioException(where + ": authority: '" + a + "' must be the sign-in host's base URL, like " + example
                    + " (no path, query or fragment: the tenant goes in tenant:)");
        }
        if (cloud.equals("lab") && !(u.getHost().equalsIgnoreCase(CloudProfile.LAB.loginHost())
                && (u.getPort() == -1 || u.getPort() == 443))) {
            throw new ScenarioException(where + ": authority: the lab's Entra answers at " + example + " only, not '" + a
                    + "' (leave authority: out for cloud: lab)");
        }
        return a;
    }

    /** An absolute {@code https://} URL with a host. */
    private static boolean isHttpsUrl(String s) {
        try {
            URI u = new URI(s);
            return "https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && !u.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String v, String where, String path) throws ScenarioException {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            throw new ScenarioException(where + ": " + path + ": '" + v + "' is not one of " + names);
        }
    }

    private static void keys(JsonNode n, Set<String> allowed, String where, String prefix) throws ScenarioException {
        Iterator<String> it = n.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new ScenarioException(where + ": " + prefix + k + ": unknown key (known: " + new TreeSet<>(allowed) + ")");
            }
        }
    }

    private static JsonNode object(JsonNode n, String k, String where) throws ScenarioException {
        JsonNode v = n.get(k);
        if (v == null || !v.isObject()) {
            throw new ScenarioException(where + ": " + k + ": " + (v == null ? "is missing" : "must be a mapping"));
        }
        return v;
    }

    private static String required(JsonNode n, String k, String where, String prefix) throws ScenarioException {
        JsonNode v = n.get(k);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            throw new ScenarioException(where + ": " + prefix + k + ": is missing");
        }
        if (!v.isValueNode()) {
            throw new ScenarioException(where + ": " + prefix + k + ": must be a single value");
        }
        return v.asText();
    }

    private static String text(JsonNode n, String k, String where, String dflt) throws ScenarioException {
        return n.has(k) ? required(n, k, where, "") : dflt;
    }
}
