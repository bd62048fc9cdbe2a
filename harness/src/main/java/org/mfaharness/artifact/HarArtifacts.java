package org.mfaharness.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mfaharness.proxy.har.HarReader;

/**
 * The artifacts of a HAR file (ours, or exported by Chrome, Edge or Firefox), read entry by entry so a large HAR
 * needs no large heap: only the artifacts are kept.
 *
 * @param artifacts every artifact and event, in the order the entries appear
 * @param entries   how many entries were read
 * @param problem   a one-line note when the HAR was truncated or had unusable entries, or null
 */
public record HarArtifacts(List<Artifact> artifacts, long entries, String problem) {

    /** Whether the file looks like a HAR (a JSON object with a {@code log} member near the start). */
    public static boolean looksLikeHar(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return looksLikeHar(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
        }
    }

    /** Whether a text's beginning looks like a HAR. */
    public static boolean looksLikeHar(String head) {
        String s = head.stripLeading();
        return s.startsWith("{") && s.contains("\"log\"");
    }

    public static HarArtifacts read(Path har, ArtifactDetector detector) throws IOException {
        try (HarReader r = HarReader.open(har)) {
            return read(r, detector);
        }
    }

    public static HarArtifacts read(InputStream har, ArtifactDetector detector) throws IOException {
        try (HarReader r = HarReader.open(har)) {
            return read(r, detector);
        }
    }

    private static HarArtifacts read(HarReader r, ArtifactDetector detector) {
        CaptureExtractor x = new CaptureExtractor(detector);
        List<Artifact> out = new ArrayList<>();
        while (r.hasNext()) {
            out.addAll(x.extract(r.next()));
        }
        String problem = r.problem().orElse(null);
        if (problem == null && !r.skipped().isEmpty()) {
            problem = r.skipped().size() + " HAR entries could not be used: " + r.skipped().get(0);
        }
        if (problem == null && r.truncated()) {
            problem = "the HAR is truncated after " + r.entriesRead() + " entries; judged what it holds";
        }
        return new HarArtifacts(out, r.entriesRead(), problem);
    }
}
