package org.mfaharness.verify.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link TrustMaterial} from what the user typed: each value is a file path, or an http(s) URL fetched with
 * {@link BoundedFetcher}. Errors are one line naming the file or URL.
 */
public final class TrustLoader {
    /** Largest trust file read. */
    public static final long MAX_FILE_BYTES = BoundedFetcher.MAX_BYTES;

    private final BoundedFetcher fetcher;

    public TrustLoader(BoundedFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * @param trustCerts   PEM files/URLs (--trust-cert)
     * @param metadata     a federation / SAML metadata file or URL (--metadata), or null
     * @param jwks         Entra JWKS files/URLs (--jwks)
     * @param eamJwks      EAM provider JWKS files/URLs (--eam-jwks)
     * @param eamDiscovery the provider's discovery document file or URL (--eam-discovery), or null
     */
    public TrustMaterial load(List<String> trustCerts, String metadata, List<String> jwks, List<String> eamJwks,
                              String eamDiscovery) throws TrustException {
        List<X509Certificate> certs = new ArrayList<>();
        for (String c : trustCerts) {
            certs.addAll(Certificates.parse(read(c), c));
        }
        String issuer = null;
        if (metadata != null) {
            FederationMetadata md = FederationMetadata.parse(read(metadata), metadata);
            certs.addAll(md.signingCertificates());
            issuer = md.entityId();
        }
        List<TrustedKey> keys = new ArrayList<>();
        for (String j : jwks) {
            keys.addAll(Jwks.parse(read(j), j));
        }
        List<TrustedKey> providerKeys = new ArrayList<>();
        for (String j : eamJwks) {
            providerKeys.addAll(Jwks.parse(read(j), j));
        }
        EamDiscovery discovery = null;
        if (eamDiscovery != null) {
            try {
                JsonNode doc = new ObjectMapper().readTree(read(eamDiscovery));
                if (doc == null || !doc.isObject()) {
                    throw new TrustException(eamDiscovery + ": the discovery document is not a JSON object");
                }
                discovery = new EamDiscovery(isUrl(eamDiscovery) ? eamDiscovery : null, doc);
            } catch (IOException e) {
                throw new TrustException(eamDiscovery + ": the discovery document is not valid JSON");
            }
        }
        return new TrustMaterial(certs, issuer, keys, providerKeys, discovery);
    }

    /** The text of a file or URL. */
    public String read(String fileOrUrl) throws TrustException {
        if (isUrl(fileOrUrl)) {
            return fetcher.fetch(fileOrUrl);
        }
        Path p = Path.of(fileOrUrl);
        try {
            if (Files.size(p) > MAX_FILE_BYTES) {
                throw new TrustException(fileOrUrl + ": larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TrustException(fileOrUrl + ": no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new TrustException(fileOrUrl + ": not a text file (PEM, JWKS JSON or metadata XML are text)");
        } catch (IOException e) {
            throw new TrustException(fileOrUrl + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static boolean isUrl(String s) {
        return s.startsWith("https://") || s.startsWith("http://");
    }
}
