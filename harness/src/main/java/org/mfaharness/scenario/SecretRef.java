package org.mfaharness.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.mfaharness.scenario.driver.Secret;

/**
 * Where a secret comes from: {@code env:NAME} (an environment variable), {@code file:PATH} (a file's first line,
 * relative paths from the scenario file's folder), or {@code lab} (the embedded lab's user of that UPN, lab scenarios
 * only). Secrets are never written inline in scenario files.
 *
 * @param kind   env, file or lab
 * @param target the variable name or file path (empty for lab)
 */
public record SecretRef(Kind kind, String target) {

    /** The kinds of reference. */
    public enum Kind { ENV, FILE, LAB }

    /** Parses a reference; anything else is refused with a message that does not echo the value. */
    public static SecretRef parse(String text, String where) throws ScenarioException {
        if (text.startsWith("env:") && text.length() > 4) {
            return new SecretRef(Kind.ENV, text.substring(4));
        }
        if (text.startsWith("file:") && text.length() > 5) {
            return new SecretRef(Kind.FILE, text.substring(5));
        }
        if (text.equals("lab")) {
            return new SecretRef(Kind.LAB, "");
        }
        throw new ScenarioException(where + ": secrets are referenced, never written inline: use env:NAME, file:PATH or lab"
                + " (the value given is not shown)");
    }

    /**
     * Resolves the reference.
     *
     * @param env      the environment (System.getenv in production)
     * @param baseDir  the scenario file's folder, for relative file paths
     * @param fromLab  the lab's value for this secret, or null when no lab runs
     */
    public Secret resolve(Map<String, String> env, Path baseDir, Supplier<String> fromLab, String where)
            throws ScenarioException {
        switch (kind) {
            case ENV -> {
                String v = env.get(target);
                if (v == null || v.isEmpty()) {
                    throw new ScenarioException(where + ": environment variable " + target + " is not set");
                }
                return Secret.of(v);
            }
            case FILE -> {
                Path p = baseDir == null ? Path.of(target) : baseDir.resolve(target);
                try {
                    String v = Files.readString(p, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
                    if (v.isEmpty()) {
                        throw new ScenarioException(where + ": file " + p + " is empty");
                    }
                    return Secret.of(v);
                } catch (IOException e) {
                    throw new ScenarioException(where + ": file " + p + " cannot be read");
                }
            }
            case LAB -> {
                String v = fromLab == null ? null : fromLab.get();
                if (v == null) {
                    throw new ScenarioException(where + ": 'lab' secrets exist only when the scenario runs against the embedded lab"
                            + " (cloud: lab, run by mfa-harness lab)");
                }
                return Secret.of(v);
            }
            default -> throw new IllegalStateException();
        }
    }

    @Override
    public String toString() {
        return kind == Kind.LAB ? "lab" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + target;
    }
}
