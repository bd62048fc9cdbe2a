package org.mfaharness.certify.run;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.mfaharness.artifact.http.FormBody;
import org.mfaharness.certify.CertifyException;
import org.mfaharness.certify.Delivery;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.lab.web.Html;

/**
 * The harness's stand-in for Entra's endpoints, on 127.0.0.1 (HTTPS with a certificate for the cloud's sign-in host,
 * reached through the proxy's host map, so the IdP's POST to {@code https://login.microsoftonline.com/login.srf}
 * arrives here and nowhere else):
 * <ul>
 *   <li>{@code POST /login.srf} — the WS-Fed {@code wreply} and SAML 2.0 ACS: records the form;</li>
 *   <li>{@code POST …/federation/externalauthprovider} — the EAM redirect URI: records the form_post;</li>
 *   <li>{@code GET /certify/start/{id}} — an auto-posting page that sends a prepared form (the EAM authorize POST)
 *       from the browser, as Entra's page does;</li>
 *   <li>{@code GET /{tenant}/v2.0/.well-known/openid-configuration}, {@code GET /{tenant}/discovery/v2.0/keys} — the
 *       stand-in's Entra-like discovery document and JWKS.</li>
 * </ul>
 * The discovery document and keys can also be published on another address ({@link #publish}); anything but loopback
 * needs the caller's explicit permission. Bodies are limited; nothing received is logged. Thread-safe.
 */
public final class EntraEndpoints implements AutoCloseable {
    static final int MAX_BODY = 2 * 1024 * 1024;
    private static final Pattern DISCOVERY = Pattern.compile("/([^/]+)/v2\\.0/\\.well-known/openid-configuration");
    private static final Pattern KEYS = Pattern.compile("/([^/]+)/discovery/v2\\.0/keys|/discovery/v2\\.0/keys");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CloudProfile cloud;
    private final EntraStandIn standIn;
    private final Clock clock;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<String, String> startPages = new ConcurrentHashMap<>();
    private final List<Undertow> servers = new ArrayList<>();
    private volatile String publishedBase;
    private final int port;

    private EntraEndpoints(CloudProfile cloud, EntraStandIn standIn, Clock clock, SSLContext ssl) {
        this.cloud = cloud;
        this.standIn = standIn;
        this.clock = clock;
        Undertow u = builder().addHttpsListener(0, "127.0.0.1", ssl).setHandler(this::handle).build();
        u.start();
        servers.add(u);
        this.port = ((InetSocketAddress) u.getListenerInfo().get(0).getAddress()).getPort();
    }

    private static Undertow.Builder builder() {
        return Undertow.builder().setIoThreads(1).setWorkerThreads(4)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) MAX_BODY)
                .setServerOption(UndertowOptions.ENABLE_HTTP2, false);
    }

    /** Starts the endpoints on 127.0.0.1 with {@code ssl} (a certificate for the cloud's sign-in host). */
    public static EntraEndpoints start(CloudProfile cloud, EntraStandIn standIn, SSLContext ssl) {
        return new EntraEndpoints(cloud, standIn, Clock.systemUTC(), ssl);
    }

    /** The loopback port (what the proxy maps the cloud's sign-in host to). */
    public int port() {
        return port;
    }

    /** The host name the endpoints stand in for, e.g. {@code login.microsoftonline.com}. */
    public String host() {
        return java.net.URI.create(cloud.loginSrf()).getHost();
    }

    /** The base URL the browser uses ({@code https://login.microsoftonline.com}). */
    public String base() {
        return "https://" + host();
    }

    /**
     * Also serves the discovery document and keys (only those) over plain HTTP on {@code address}, for a provider
     * under test that fetches Entra's metadata itself; {@code publicBase} is the URL they are reachable at (written
     * into {@code jwks_uri}), e.g. behind a TLS-terminating tunnel.
     *
     * @throws CertifyException (usage) when the host does not resolve, is not loopback while {@code allowRemote} is
     *                           false, or the address cannot be listened on (in use, not this machine's)
     */
    public String publish(InetSocketAddress address, String publicBase, boolean allowRemote) throws CertifyException {
        InetAddress a = address.getAddress();
        if (a == null) {
            throw new CertifyException(CertifyException.USAGE, "--publish: cannot resolve " + address.getHostString());
        }
        if (!a.isLoopbackAddress() && !allowRemote) {
            throw new CertifyException(CertifyException.USAGE, "--publish: " + address.getHostString()
                    + " is not a loopback address: publishing there needs --allow-remote");
        }
        Undertow u = builder().addHttpListener(address.getPort(), a.getHostAddress()).setHandler(this::handlePublished).build();
        try {
            u.start();
        } catch (RuntimeException e) {
            u.stop();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new CertifyException(CertifyException.USAGE, "--publish: cannot listen on " + address.getHostString() + ":"
                    + address.getPort() + " (" + cause.getMessage() + ")");
        }
        servers.add(u);
        int p = ((InetSocketAddress) u.getListenerInfo().get(u.getListenerInfo().size() - 1).getAddress()).getPort();
        String base = publicBase != null ? strip(publicBase) : "http://" + (a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]"
                : a.getHostAddress()) + ":" + p;
        this.publishedBase = base;
        return base + "/common/v2.0/.well-known/openid-configuration";
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Where the stand-in's discovery document is, as the provider under test should be told. */
    public String discoveryUrl() {
        String b = publishedBase != null ? publishedBase : base();
        return b + "/common/v2.0/.well-known/openid-configuration";
    }

    /**
     * Prepares an auto-posting page that sends {@code fields} to {@code action} from the browser; returns its URL
     * (on the cloud's sign-in host, like Entra's own hand-off page).
     */
    public String autoPost(String action, Map<String, String> fields) {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        startPages.put(id, Html.autoPost("Redirecting to your verification provider", action, fields));
        return base() + "/certify/start/" + id;
    }

    /** Everything delivered so far, in arrival order. */
    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void handlePublished(HttpServerExchange ex) {
        if (!serveMetadata(ex, publishedBase)) {
            send(ex, 404, "text/plain", "not found\n");
        }
    }

    private boolean serveMetadata(HttpServerExchange ex, String base) {
        String path = ex.getRequestPath();
        if (!ex.getRequestMethod().equals(Methods.GET)) {
            return false;
        }
        Matcher d = DISCOVERY.matcher(path);
        if (d.matches()) {
            send(ex, 200, "application/json", standIn.discovery(cloud, d.group(1), base));
            return true;
        }
        if (KEYS.matcher(path).matches()) {
            send(ex, 200, "application/json", standIn.jwksJson());
            return true;
        }
        return false;
    }

    private void handle(HttpServerExchange ex) throws IOException {
        if (ex.isInIoThread()) {
            ex.dispatch(this::handle);
            return;
        }
        String path = ex.getRequestPath();
        if (serveMetadata(ex, base())) {
            return;
        }
        if (ex.getRequestMethod().equals(Methods.GET) && path.startsWith("/certify/start/")) {
            String page = startPages.remove(path.substring("/certify/start/".length()));
            if (page == null) {
                send(ex, 404, "text/html; charset=utf-8", Html.page("Unknown", "<p id=\"errorText\">This start page was already used.</p>"));
            } else {
                send(ex, 200, "text/html; charset=utf-8", page);
            }
            return;
        }
        boolean acs = path.equals("/login.srf");
        boolean eam = path.endsWith("/federation/externalauthprovider");
        if ((acs || eam) && ex.getRequestMethod().equals(Methods.POST)) {
            Map<String, String> form = readForm(ex);
            if (form == null) {
                send(ex, 413, "text/plain", "too large\n");
                return;
            }
            synchronized (this) {
                deliveries.add(new Delivery(path, form, clock.instant()));
            }
            send(ex, 200, "text/html; charset=utf-8", Html.page("mfa-harness received the response",
                    "<h1 id=\"certifyReceived\">mfa-harness (playing Microsoft Entra ID) received the response.</h1>"
                            + "<p>The certification run goes on in the harness.</p>"));
            return;
        }
        send(ex, 404, "text/plain", "mfa-harness certify: no such endpoint\n");
    }

    private static Map<String, String> readForm(HttpServerExchange ex) throws IOException {
        ex.startBlocking();
        byte[] body;
        try (InputStream in = ex.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return null;
        }
        // A field with a malformed escape is not recorded (the module judging it reports it missing); the rest is kept.
        FormBody form = FormBody.lenient(new String(body, StandardCharsets.US_ASCII));
        Map<String, String> out = new LinkedHashMap<>();
        if (form != null) {
            form.fields().forEach((name, values) -> out.put(name, values.get(0)));
        }
        return out;
    }

    private static void send(HttpServerExchange ex, int status, String type, String body) {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        ex.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        servers.forEach(Undertow::stop);
    }
}
