package org.mfaharness.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.chain.ChainJudgement;
import org.mfaharness.verify.trust.TrustMaterial;
import org.mfaharness.verify.trust.TrustedKey;

/**
 * {@code result.json}: the machine-readable truth of a run — the inspect JSON plus the run metadata, the verdict
 * sentence, every artifact's raw text (assertions and tokens whole, so the run can be re-judged; secrets such as
 * refresh tokens and passwords are never artifacts) and the trust material used. Schema: docs/result.schema.json.
 */
public final class ResultJson {
    /** Bumped when the document's shape changes incompatibly. */
    public static final int SCHEMA_VERSION = 1;

    private ResultJson() {
    }

    public static ObjectNode of(RunInfo run, ChainJudgement c, TrustMaterial trust, String version, boolean stripSignatures) {
        ObjectNode root = JudgementJson.of(c, version, run.cloud(), run.evaluatedAt());
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("sentence", VerdictSentence.of(c));
        root.put("remediation", c.decisive() == null ? "" : c.decisive().remediation());
        ObjectNode meta = (ObjectNode) root.get("run");
        meta.put("name", run.name());
        meta.put("mode", run.mode());
        meta.put("tenant", run.tenant());
        meta.put("checkedTenant", run.checkedTenant());
        meta.put("scenario", run.scenario());
        meta.put("startedAt", run.startedAt().toString());
        meta.put("finishedAt", run.finishedAt().toString());
        meta.put("redaction", run.redaction());
        ArrayNode arts = (ArrayNode) root.get("artifacts");
        List<ArtifactJudgement> hops = c.hops();
        for (int i = 0; i < hops.size(); i++) {
            String raw = hops.get(i).artifact().raw();
            ((ObjectNode) arts.get(i)).put("raw", stripSignatures ? SignatureStripper.strip(raw) : raw);
        }
        root.set("trust", trust(trust));
        return root;
    }

    static ObjectNode trust(TrustMaterial t) {
        ObjectNode n = JudgementJson.MAPPER.createObjectNode();
        ArrayNode certs = n.putArray("certificates");
        for (X509Certificate c : t.certificates()) {
            certs.add(pem(c));
        }
        n.put("issuerUri", t.metadataIssuer());
        n.set("jwks", keys(t.jwks()));
        n.set("eamJwks", keys(t.eamJwks()));
        if (t.eamDiscovery() != null) {
            ObjectNode d = n.putObject("eamDiscovery");
            d.put("url", t.eamDiscovery().url());
            d.set("document", t.eamDiscovery().document());
        }
        return n;
    }

    private static ArrayNode keys(List<TrustedKey> keys) {
        ArrayNode a = JudgementJson.MAPPER.createArrayNode();
        for (TrustedKey k : keys) {
            ObjectNode j = a.addObject();
            j.put("kid", k.kid());
            j.put("x5t", k.x5t());
            j.put("source", k.source());
            j.put("publicKey", Base64.getEncoder().encodeToString(k.publicKey().getEncoded()));
            if (k.certificate() != null) {
                j.put("x5c", der(k.certificate()));
            }
        }
        return a;
    }

    static String pem(X509Certificate c) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(encoded(c))
                + "\n-----END CERTIFICATE-----\n";
    }

    private static String der(X509Certificate c) {
        return Base64.getEncoder().encodeToString(encoded(c));
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
