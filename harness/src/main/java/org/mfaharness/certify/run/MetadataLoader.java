package org.mfaharness.certify.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.mfaharness.artifact.xml.Dom;
import org.mfaharness.artifact.xml.SecureXml;
import org.mfaharness.artifact.xml.XmlRefusedException;
import org.mfaharness.certify.CertifyException;
import org.mfaharness.certify.EamTarget;
import org.mfaharness.certify.FederationTarget;
import org.mfaharness.verify.trust.FederationMetadata;
import org.mfaharness.verify.trust.Jwks;
import org.mfaharness.verify.trust.TrustException;
import org.mfaharness.verify.trust.TrustedKey;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads what the vendor publishes, from the file or URL the user typed (URLs through the harness's proxy, so the
 * fetch is recorded in the capture and obeys its upstream policy): federation metadata (signing certificates and
 * entityID with the verdict engine's {@link FederationMetadata}; the endpoints here), or an EAM discovery document and
 * the JWKS at its {@code jwks_uri} — the one URL taken from a document, as Entra itself does. Bounded: 1 MiB, 15 s,
 * no redirects. Errors are one line naming the file or URL.
 */
public final class MetadataLoader {
    /** Largest document read. */
    public static final int MAX_BYTES = 1024 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String FED = "http://docs.oasis-open.org/wsfed/federation/200706";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;

    /** Fetches through the proxy at {@code proxy}, trusting {@code ssl} (the proxy's CA). */
    public MetadataLoader(InetSocketAddress proxy, SSLContext ssl) {
        this.http = HttpClient.newBuilder().proxy(ProxySelector.of(proxy)).sslContext(ssl)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
    }

    /** Whether {@code s} is an http(s) URL rather than a file. */
    public static boolean isUrl(String s) {
        return s.startsWith("https://") || s.startsWith("http://");
    }

    /** The text of a file or URL. */
    public String read(String fileOrUrl) throws CertifyException {
        if (isUrl(fileOrUrl)) {
            return fetch(fileOrUrl);
        }
        Path p = Path.of(fileOrUrl);
        try {
            if (Files.size(p) > MAX_BYTES) {
                throw new CertifyException(CertifyException.BAD_METADATA, fileOrUrl + ": larger than " + MAX_BYTES + " bytes");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CertifyException(CertifyException.NO_INPUT, fileOrUrl + ": no such file");
        } catch (IOException e) {
            throw new CertifyException(CertifyException.NO_INPUT, fileOrUrl + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private String fetch(String url) throws CertifyException {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CertifyException(CertifyException.USAGE, url + ": not a valid URL");
        }
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(u).timeout(TIMEOUT).GET()
                    .header("Accept", "application/json, application/samlmetadata+xml, application/xml, text/xml, */*").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] b = in.readNBytes(MAX_BYTES + 1);
                if (r.statusCode() != 200) {
                    throw new CertifyException(CertifyException.NO_INPUT, url + ": HTTP " + r.statusCode());
                }
                if (b.length > MAX_BYTES) {
                    throw new CertifyException(CertifyException.BAD_METADATA, url + ": larger than " + MAX_BYTES + " bytes");
                }
                return new String(b, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CertifyException(CertifyException.NO_INPUT, url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().replaceAll("\\s+", " ")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertifyException(CertifyException.NO_INPUT, url + ": interrupted");
        }
    }

    /** Federation metadata (WS-Fed or SAML 2.0): certificates, entityID and endpoints. */
    public FederationTarget federation(String fileOrUrl) throws CertifyException {
        String xml = read(fileOrUrl);
        FederationMetadata md;
        try {
            md = FederationMetadata.parse(xml, fileOrUrl);
        } catch (TrustException e) {
            throw new CertifyException(CertifyException.BAD_METADATA, e.getMessage());
        }
        Document d;
        try {
            d = SecureXml.parse(xml);
        } catch (XmlRefusedException e) {
            throw new CertifyException(CertifyException.BAD_METADATA, fileOrUrl + ": metadata refused: " + e.getMessage());
        }
        Element root = d.getDocumentElement();
        String passive = null;
        for (Element role : Dom.descendants(root, MD, "RoleDescriptor")) {
            String type = role.getAttributeNS(XSI, "type");
            if (type == null || !type.endsWith("SecurityTokenServiceType")) {
                continue;
            }
            for (Element ep : Dom.descendants(role, FED, "PassiveRequestorEndpoint")) {
                for (Element addr : Dom.descendants(ep, WSA, "Address")) {
                    passive = passive == null ? Dom.collapse(Dom.text(addr)) : passive;
                }
            }
        }
        String sso = null;
        for (Element idp : Dom.descendants(root, MD, "IDPSSODescriptor")) {
            for (Element s : Dom.children(idp, MD, "SingleSignOnService")) {
                if (REDIRECT_BINDING.equals(Dom.attr(s, "Binding")) && sso == null) {
                    sso = Dom.collapse(Dom.attr(s, "Location"));
                }
            }
        }
        return new FederationTarget(fileOrUrl, md.entityId(), md.signingCertificates(), blankToNull(passive), blankToNull(sso));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * An EAM provider's discovery document and its keys. A document that is not a JSON object is bad metadata; keys
     * that cannot be fetched or read are reported in {@link EamTarget#keysProblem()} (a module fails on them).
     */
    public EamTarget eam(String fileOrUrl, String clientId) throws CertifyException {
        String text = read(fileOrUrl);
        JsonNode doc;
        try {
            doc = JSON.readTree(text);
        } catch (IOException e) {
            throw new CertifyException(CertifyException.BAD_METADATA, fileOrUrl + ": the discovery document is not valid JSON");
        }
        if (doc == null || !doc.isObject()) {
            throw new CertifyException(CertifyException.BAD_METADATA, fileOrUrl + ": the discovery document is not a JSON object");
        }
        JsonNode j = doc.get("jwks_uri");
        List<TrustedKey> keys = new ArrayList<>();
        String problem = null;
        if (j == null || !j.isTextual() || !j.asText().startsWith("https://")) {
            problem = "the discovery document has no https jwks_uri";
        } else {
            try {
                keys.addAll(Jwks.parse(read(j.asText()), j.asText()));
            } catch (CertifyException | TrustException e) {
                problem = e.getMessage();
            }
        }
        return new EamTarget(isUrl(fileOrUrl) ? fileOrUrl : null, doc, keys, problem, clientId);
    }
}
