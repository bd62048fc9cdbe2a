package org.mfaharness.certify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.mfaharness.lab.LabUser;
import org.mfaharness.totp.Totp;

/**
 * Scans every file under a folder (and every entry of its zips) for secrets: passwords and TOTP seeds anywhere; the
 * one-time codes of a user's seed during the run wherever a typed code would stand (a form or JSON string value:
 * after {@code =} or {@code "}, before {@code &}, {@code "} or the end), so a six-digit size or timestamp is not taken
 * for one; and cookie values in HAR headers (every cookie of a {@code Cookie} header, the cookie of a
 * {@code Set-Cookie}). Fails naming the file, never the secret.
 */
final class SecretScan {
    private SecretScan() {
    }

    /** Every code of {@code seed}'s time steps from {@code started} (and two either side) to now. */
    static Set<String> codes(String seed, Instant started) {
        Set<String> out = new LinkedHashSet<>();
        Totp t = Totp.fromBase32(seed);
        for (long c = t.counterAt(started) - 2; c <= t.counterAt(Instant.now()) + 2; c++) {
            out.add(t.codeForCounter(c));
        }
        return out;
    }

    /** The passwords and seeds of these users. */
    static Set<String> longSecrets(List<LabUser> users) {
        Set<String> out = new LinkedHashSet<>();
        users.forEach(u -> {
            out.add(u.password());
            out.add(u.totpSeed());
        });
        return out;
    }

    /** Returns how many texts were scanned. */
    static int assertNoSecretsIn(Path root, Set<String> longSecrets, Set<String> codes) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.toString().endsWith(".zip")) {
                    try (ZipInputStream z = new ZipInputStream(Files.newInputStream(f))) {
                        ZipEntry e;
                        while ((e = z.getNextEntry()) != null) {
                            texts.add(f + "!" + e.getName() + "\n" + new String(z.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                } else {
                    texts.add(f + "\n" + Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        List<Pattern> codePatterns = codes.stream().map(c -> Pattern.compile("[=\"]" + c + "(?:[&\"]|$)")).toList();
        Pattern cookie = Pattern.compile("\"name\"\\s*:\\s*\"((?i:cookie|set-cookie))\"\\s*,\\s*\"value\"\\s*:\\s*\"([^\"]*)\"");
        for (String t : texts) {
            String name = t.substring(0, t.indexOf('\n'));
            String body = t.substring(t.indexOf('\n') + 1);
            for (String s : longSecrets) {
                if (body.contains(s)) {
                    throw new AssertionError(name + " holds a password or TOTP seed of a lab user (" + s.length() + " characters)");
                }
            }
            for (Pattern p : codePatterns) {
                if (p.matcher(body).find()) {
                    throw new AssertionError(name + " holds a one-time code of the test user");
                }
            }
            var m = cookie.matcher(body);
            while (m.find()) {
                // Cookie: every name=value pair is a cookie; Set-Cookie: the first is, the rest are its attributes.
                String[] pairs = m.group(2).split(";");
                for (String pair : m.group(1).equalsIgnoreCase("cookie") ? pairs : new String[] {pairs[0]}) {
                    String value = pair.contains("=") ? pair.substring(pair.indexOf('=') + 1).strip() : "";
                    if (!value.equals("REDACTED") && !value.isEmpty()) {
                        throw new AssertionError(name + " holds a cookie value");
                    }
                }
            }
        }
        return texts.size();
    }
}
