package org.mfaharness.report;

import org.mfaharness.proxy.files.PrivateFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A run folder: {@code reports/<UTC timestamp>-<name>/} with {@code result.json}, {@code index.html},
 * {@code junit.xml}, {@code capture.har} (when something was captured) and {@code evidence.zip}; and
 * {@code reports/latest} pointing to the newest. Each file is written whole (temporary file and atomic move);
 * files holding assertions or tokens are mode 0600.
 */
public final class RunFolder {
    public static final String RESULT = "result.json";
    public static final String HTML = "index.html";
    public static final String JUNIT = "junit.xml";
    public static final String HAR = "capture.har";
    public static final String EVIDENCE = "evidence.zip";
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunFolder() {
    }

    /** Creates a new, uniquely named run folder under {@code reportsDir}. */
    public static Path create(Path reportsDir, String name, Instant started) throws IOException {
        Files.createDirectories(reportsDir);
        String base = STAMP.format(started) + "-" + slug(name);
        for (int i = 0; ; i++) {
            Path dir = reportsDir.resolve(i == 0 ? base : base + "-" + i);
            try {
                Files.createDirectory(dir);
                return dir;
            } catch (FileAlreadyExistsException e) {
                if (i > 1000) {
                    throw e;
                }
            }
        }
    }

    /** Writes every file of the run into {@code dir} and points {@code latest} at it. */
    public static void write(Path dir, RunReport r, String version) throws IOException {
        write(dir, r, version, true);
    }

    /** Writes every file of the run into {@code dir}; {@code latest} moves only when asked (not when re-rendering). */
    public static void write(Path dir, RunReport r, String version, boolean pointLatest) throws IOException {
        if (r.har() != null && !r.har().toAbsolutePath().normalize().equals(dir.resolve(HAR).toAbsolutePath().normalize())) {
            PrivateFiles.writeAtomically(dir.resolve(HAR), out -> Files.copy(r.har(), out), true);
        }
        byte[] result = json(ResultJson.of(r.run(), r.judgement(), r.trust(), version, r.share()));
        PrivateFiles.writeAtomically(dir.resolve(RESULT), result, true);
        PrivateFiles.writeAtomically(dir.resolve(HTML), HtmlReport.render(r.run(), r.judgement(), version).getBytes(StandardCharsets.UTF_8), false);
        PrivateFiles.writeAtomically(dir.resolve(JUNIT), JunitXml.render(List.of(
                new JunitXml.Suite(r.run().name(), r.run(), r.judgement(), r.millis()))).getBytes(StandardCharsets.UTF_8), false);
        EvidenceBundle.write(dir.resolve(EVIDENCE), result, Files.exists(dir.resolve(HAR)) ? dir.resolve(HAR) : null,
                r.judgement(), r.run().evaluatedAt());
        if (pointLatest) {
            pointLatest(dir);
        }
    }

    /** Makes {@code <reports>/latest} a symbolic link to {@code dir}, replacing it atomically. */
    public static void pointLatest(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Path latest = parent.resolve("latest");
        Path tmp = parent.resolve(".latest." + ProcessHandle.current().pid() + "." + System.nanoTime());
        try {
            Files.createSymbolicLink(tmp, dir.getFileName());
            Files.move(tmp, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (UnsupportedOperationException | IOException e) {
            Files.deleteIfExists(tmp);
            // A file system without symbolic links: write the folder name instead.
            Files.writeString(latest, dir.getFileName().toString() + "\n");
        }
    }

    static byte[] json(Object node) {
        try {
            return (JudgementJson.MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file-name-safe form of a name: letters, digits, dot, dash, underscore; at most 60 characters. */
    public static String slug(String name) {
        String s = (name == null || name.isBlank() ? "run" : name).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        s = s.isEmpty() ? "run" : s;
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
