package org.mfaharness.verify.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.mfaharness.proxy.upstream.HostNames;

/**
 * Fetches a document from a URL the user typed (--metadata, --jwks): http(s) only, at most {@link #MAX_BYTES},
 * {@link #TIMEOUT} overall, {@link #MAX_REDIRECTS} redirects followed by hand (never from https to http). It is
 * never given a URL taken from an artifact. By default it fetches only from this machine ({@code localhost} or a
 * loopback IP literal, decided before any lookup, for the first URL and every redirect): reaching another host — Microsoft's
 * published keys, say — needs {@link #allowingRemote} ({@code --fetch-remote}).
 */
public final class BoundedFetcher {
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    public static final int MAX_REDIRECTS = 3;

    private final HttpClient client;
    private final boolean remote;

    /** A fetcher for loopback URLs only, with the JDK's default trust store. */
    public BoundedFetcher() {
        this(null, false);
    }

    /** A fetcher trusting {@code ssl} (e.g. the lab CA; null for the JDK's default trust store), loopback only. */
    public BoundedFetcher(SSLContext ssl) {
        this(ssl, false);
    }

    private BoundedFetcher(SSLContext ssl, boolean remote) {
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT)
                .proxy(HttpClient.Builder.NO_PROXY);
        if (ssl != null) {
            b.sslContext(ssl);
        }
        this.client = b.build();
        this.remote = remote;
    }

    /** A fetcher that may also reach other machines (the user said {@code --fetch-remote}). */
    public static BoundedFetcher allowingRemote() {
        return new BoundedFetcher(null, true);
    }

    /** The body of {@code url} as UTF-8 text. */
    public String fetch(String url) throws TrustException {
        URI uri = parse(url);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TrustException(url + ": timed out after " + TIMEOUT.toSeconds() + " s");
            }
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left)).GET()
                    .header("Accept", "application/json, application/xml, text/xml, */*").build();
            HttpResponse<InputStream> resp;
            try {
                resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new TrustException(url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrustException(url + ": interrupted");
            }
            int status = resp.statusCode();
            if (status >= 300 && status < 400) {
                drain(resp.body());
                String loc = resp.headers().firstValue("Location")
                        .orElseThrow(() -> new TrustException(url + ": redirect " + status + " without Location"));
                URI next = uri.resolve(loc);
                if ("https".equals(uri.getScheme()) && !"https".equals(next.getScheme())) {
                    throw new TrustException(url + ": refused a redirect from https to " + next.getScheme());
                }
                uri = parse(next.toString());
                continue;
            }
            if (status != 200) {
                drain(resp.body());
                throw new TrustException(url + ": HTTP " + status);
            }
            return readBounded(resp.body(), url);
        }
        throw new TrustException(url + ": more than " + MAX_REDIRECTS + " redirects");
    }

    private URI parse(String url) throws TrustException {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new TrustException(url + ": not a valid URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new TrustException(url + ": only http and https URLs are fetched");
        }
        String host = u.getHost();
        if (host == null || host.isEmpty()) {
            throw new TrustException(url + ": the URL names no host");
        }
        // "localhost" itself (the hosts file answers it) or a loopback literal: a name under .localhost would go to
        // the system resolver, which may ask a DNS server on another machine.
        if (!remote && !HostNames.normalise(host).equals("localhost") && !HostNames.isLoopbackLiteral(host)) {
            throw new TrustException(url + ": " + host + " is not this machine; give --fetch-remote to fetch trust "
                    + "material from another host, or save the document and pass the file");
        }
        return u;
    }

    private static String readBounded(InputStream in, String url) throws TrustException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw new TrustException(url + ": larger than " + MAX_BYTES + " bytes");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TrustException(url + ": " + e.getMessage());
        }
    }

    private static void drain(InputStream in) {
        try (in) {
            in.skip(MAX_BYTES);
        } catch (IOException e) {
            // Nothing to recover from a body we are discarding.
        }
    }
}
