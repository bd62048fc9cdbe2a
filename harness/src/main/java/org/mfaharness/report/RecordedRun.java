package org.mfaharness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactDetector;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.artifact.HarArtifacts;
import org.mfaharness.artifact.Origin;
import org.mfaharness.artifact.Unreadable;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.verify.trust.Certificates;
import org.mfaharness.verify.trust.EamDiscovery;
import org.mfaharness.verify.trust.TrustException;
import org.mfaharness.verify.trust.TrustMaterial;
import org.mfaharness.verify.trust.TrustedKey;

/**
 * A run read back from its {@code result.json} (and {@code capture.har} when present), ready to be judged again with
 * today's rules: from the HAR when the run captured traffic (every exchange re-extracted), else from the artifacts'
 * raw text. The trust material recorded in the run is restored.
 *
 * @param run       the run's metadata
 * @param trust     the trust material the run used
 * @param artifacts the artifacts to judge
 * @param notes     one-line notes for the reader (e.g. signatures stripped for sharing)
 */
public record RecordedRun(RunInfo run, TrustMaterial trust, List<Artifact> artifacts, List<String> notes) {

    /** Reads a run from result.json bytes and, optionally, the HAR bytes. */
    public static RecordedRun read(byte[] resultJson, byte[] har) throws IOException {
        JsonNode r;
        try {
            r = JudgementJson.MAPPER.readTree(resultJson);
        } catch (JsonProcessingException e) {
            throw new IOException("not valid JSON" + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").strip());
        }
        if (r == null || !r.isObject() || !r.has("run") || !r.has("artifacts")) {
            throw new IOException("not an mfa-harness result.json");
        }
        JsonNode m = r.get("run");
        String cloudName = text(m, "cloud", "public");
        CloudProfile cloud = CloudProfile.named(cloudName).orElse(CloudProfile.PUBLIC);
        Instant evaluatedAt = instant(text(m, "evaluatedAt", null));
        String mode = text(m, "mode", "inspect");
        String tenant = text(m, "tenant", null);
        // Folders written before checkedTenant existed: inspect and proxy judged against their --tenant.
        String checked = m.has("checkedTenant") ? text(m, "checkedTenant", null)
                : "inspect".equals(mode) || "proxy".equals(mode) ? tenant : null;
        RunInfo run = new RunInfo(text(m, "name", "run"), mode, cloud.name(), tenant, checked, text(m, "scenario", null), instant(text(m, "startedAt", null)), instant(text(m, "finishedAt", null)),
                evaluatedAt, text(m, "redaction", "default"));
        TrustMaterial trust = trust(r.path("trust"));
        List<String> notes = new ArrayList<>();
        if ("share".equals(run.redaction())) {
            notes.add("signatures were stripped for sharing (--share): signature findings are not re-verifiable");
        }
        List<Artifact> artifacts;
        if (har != null) {
            HarArtifacts h = HarArtifacts.read(new ByteArrayInputStream(har), new ArtifactDetector(cloud, null));
            artifacts = h.artifacts();
            if (h.problem() != null) {
                notes.add(h.problem());
            }
        } else {
            artifacts = new ArrayList<>();
            for (JsonNode a : r.get("artifacts")) {
                artifacts.addAll(rebuild(a, cloud, notes));
            }
        }
        return new RecordedRun(run, trust, artifacts, notes);
    }

    private static List<Artifact> rebuild(JsonNode a, CloudProfile cloud, List<String> notes) {
        String kindLabel = text(a, "kind", "unreadable");
        String raw = text(a, "raw", null);
        Origin origin = new Origin(a.has("hop") ? a.get("hop").asInt() : -1, a.has("time") ? instant(a.get("time").asText()) : null,
                text(a, "method", null), text(a, "url", null), text(a, "field", null), null);
        if (raw == null) {
            notes.add("an artifact of kind " + kindLabel + " has no raw text and was not judged again");
            return List.of();
        }
        ArtifactKind kind;
        try {
            kind = ArtifactKind.fromLabel(kindLabel);
        } catch (IllegalArgumentException e) {
            notes.add("unknown artifact kind " + kindLabel + " was not judged again");
            return List.of();
        }
        switch (kind) {
            case WSFED_RSTR, SAML11_ASSERTION, SAML2_RESPONSE, SAML2_ASSERTION -> {
                return List.of(new ArtifactDetector(cloud, null).fromXml(raw, origin));
            }
            case ENTRA_TOKEN, EAM_ID_TOKEN, OPAQUE_TOKEN -> {
                ArtifactKind forced = kind == ArtifactKind.OPAQUE_TOKEN ? null : kind;
                return List.of(new ArtifactDetector(cloud, forced).fromToken(raw, origin, kind == ArtifactKind.EAM_ID_TOKEN));
            }
            case ENTRA_ERROR, PARTNER_CENTER_ERROR -> {
                return new ArtifactDetector(cloud, null).detect(raw, origin);
            }
            case UNREADABLE -> {
                return List.of(new Unreadable(raw, origin, ArtifactKind.UNREADABLE, "unreadable when recorded", false));
            }
            default -> {
                notes.add("a " + kindLabel + " artifact is judged again only from the run's capture.har");
                return List.of();
            }
        }
    }

    static TrustMaterial trust(JsonNode t) throws IOException {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            for (JsonNode c : t.path("certificates")) {
                certs.addAll(Certificates.parse(c.asText(), "result.json trust"));
            }
            return new TrustMaterial(certs, text(t, "issuerUri", null), keys(t.path("jwks")), keys(t.path("eamJwks")),
                    t.has("eamDiscovery") ? new EamDiscovery(text(t.get("eamDiscovery"), "url", null), t.get("eamDiscovery").get("document"))
                            : null);
        } catch (TrustException e) {
            throw new IOException(e.getMessage());
        }
    }

    private static List<TrustedKey> keys(JsonNode arr) throws IOException, TrustException {
        List<TrustedKey> out = new ArrayList<>();
        for (JsonNode k : arr) {
            try {
                PublicKey key = KeyFactory.getInstance("RSA").generatePublic(
                        new X509EncodedKeySpec(Base64.getDecoder().decode(k.path("publicKey").asText())));
                X509Certificate cert = k.has("x5c") ? Certificates.fromBase64(k.get("x5c").asText(), "result.json trust") : null;
                out.add(new TrustedKey(text(k, "kid", null), text(k, "x5t", null), key, null, "sig", cert,
                        cert == null || org.mfaharness.verify.trust.Jwks.sameRsaKey(key, cert.getPublicKey()), text(k, "source", "result.json")));
            } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
                throw new IOException("result.json holds an unreadable key: " + e.getMessage());
            }
        }
        return out;
    }

    private static String text(JsonNode n, String f, String dflt) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    private static Instant instant(String s) {
        try {
            return s == null ? Instant.now() : Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.now();
        }
    }
}
