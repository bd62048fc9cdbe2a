package org.mfaharness.report;

import org.mfaharness.proxy.files.PrivateFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.chain.ChainJudgement;

/**
 * {@code evidence.zip}, for attaching to a support case: result.json, the redacted HAR, and each artifact decoded
 * as text. Reading one back ({@code inspect evidence.zip}) is bounded and safe: only known entry names are read,
 * names with path segments are refused, and entry sizes and counts are limited by counting bytes actually read.
 */
public final class EvidenceBundle {
    /** At most this many entries are looked at. */
    public static final int MAX_ENTRIES = 1000;
    /**
     * At most this many bytes are read from one entry: a run's result.json and redacted HAR are far smaller (bodies are
     * captured up to a bound), and a zip bomb must not exhaust the heap.
     */
    public static final long MAX_ENTRY_BYTES = 128L * 1024 * 1024;
    /** At most this many bytes are read in all. */
    public static final long MAX_TOTAL_BYTES = 160L * 1024 * 1024;
    static final String README = "README.txt";

    private EvidenceBundle() {
    }

    /** Writes the bundle: result.json (as given), the HAR when there is one, and each artifact decoded as text. */
    public static void write(Path target, byte[] resultJson, Path har, ChainJudgement c, Instant at) throws IOException {
        PrivateFiles.writeAtomically(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, README, ("mfa-harness evidence bundle.\n"
                    + "result.json: the judgement and every artifact (assertions and tokens are short-lived bearer credentials:"
                    + " handle this file as confidential).\n" + (har == null ? "" : "capture.har: the redacted capture "
                    + "(cookies, passwords, codes and refresh tokens removed).\n") + "artifacts/: each artifact decoded as text.\n"
                    + "Re-judge offline: mfa-harness inspect evidence.zip\n").getBytes(StandardCharsets.UTF_8));
            put(zip, RunFolder.RESULT, resultJson);
            if (har != null) {
                zip.putNextEntry(new ZipEntry(RunFolder.HAR));
                Files.copy(har, zip);
                zip.closeEntry();
            }
            int i = 1;
            for (ArtifactJudgement j : c.hops()) {
                StringWriter sw = new StringWriter();
                PrintWriter pw = new PrintWriter(sw);
                pw.println(j.artifact().kind().label() + "  " + j.verdict() + "  mfa " + j.mfa());
                j.findings().forEach(f -> pw.println(f.severity() + " " + f.code() + " " + f.message()));
                pw.println();
                DecodedView.lines(j.artifact(), at).forEach(pw::println);
                pw.flush();
                put(zip, String.format("artifacts/%02d-%s.txt", i++, j.artifact().kind().label()),
                        sw.toString().getBytes(StandardCharsets.UTF_8));
            }
            zip.finish();
        }, true);
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    /** Whether the file starts like a zip archive. */
    public static boolean looksLikeZip(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return looksLikeZip(in.readNBytes(4));
        }
    }

    /**
     * The known entries of a bundle ({@code result.json}, {@code capture.har}), read within the limits.
     *
     * @throws IOException with a one-line reason for anything suspicious or over the limits
     */
    public static Map<String, byte[]> read(Path zipFile) throws IOException {
        return read(Files.newInputStream(zipFile), MAX_ENTRY_BYTES, MAX_TOTAL_BYTES);
    }

    /** {@link #read(Path)} for a bundle already in memory (piped to standard input). */
    public static Map<String, byte[]> read(byte[] zip) throws IOException {
        return read(new java.io.ByteArrayInputStream(zip), MAX_ENTRY_BYTES, MAX_TOTAL_BYTES);
    }

    /** Whether {@code b} starts as a zip archive does. */
    public static boolean looksLikeZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** {@link #read(Path)} with other limits (tests use small ones). */
    static Map<String, byte[]> read(Path zipFile, long maxEntryBytes, long maxTotalBytes) throws IOException {
        return read(Files.newInputStream(zipFile), maxEntryBytes, maxTotalBytes);
    }

    private static Map<String, byte[]> read(InputStream source, long maxEntryBytes, long maxTotalBytes) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(source)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new IOException("the bundle has more than " + MAX_ENTRIES + " entries");
                }
                String name = e.getName();
                if (name.startsWith("/") || name.contains("..") || name.contains("\\") || name.contains(":")) {
                    throw new IOException("the bundle has an entry with an unsafe name: " + name.replaceAll("[^\\x20-\\x7e]", "?"));
                }
                if (!name.equals(RunFolder.RESULT) && !name.equals(RunFolder.HAR)) {
                    continue;
                }
                if (out.containsKey(name)) {
                    throw new IOException("the bundle has two " + name + " entries");
                }
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                byte[] chunk = new byte[65536];
                int n;
                long size = 0;
                while ((n = zip.read(chunk)) > 0) {
                    size += n;
                    total += n;
                    if (size > maxEntryBytes || total > maxTotalBytes) {
                        throw new IOException("the bundle's " + name + " expands beyond the size limit ("
                                + (size > maxEntryBytes ? maxEntryBytes / (1024 * 1024) + " MiB per entry"
                                : maxTotalBytes / (1024 * 1024) + " MiB in all") + "): not a bundle mfa-harness wrote");
                    }
                    buf.write(chunk, 0, n);
                }
                out.put(name, buf.toByteArray());
            }
        } catch (java.util.zip.ZipException ex) {
            throw new IOException("not a readable zip archive: " + ex.getMessage());
        }
        if (!out.containsKey(RunFolder.RESULT)) {
            throw new IOException("not an mfa-harness evidence bundle: no result.json");
        }
        return out;
    }
}
