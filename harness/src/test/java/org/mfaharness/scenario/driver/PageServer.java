package org.mfaharness.scenario.driver;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mfaharness.totp.Totp;

/**
 * Serves the hand-written pages under {@code src/test/resources/pages} on 127.0.0.1 (plain HTTP, a free port) and
 * plays the servers behind them: every form POST is recorded ({@link #posts}), then answered the way the real
 * party would (a redirect to the next page, the next page itself, or an auto-posting form). The EAM-like
 * {@code /eam/verify} checks its code like a real provider: RFC 6238 within ±1 step and a replay cache.
 */
final class PageServer implements AutoCloseable {
    /** A recorded form POST. */
    record Post(String path, Map<String, List<String>> fields) {
        String field(String name) {
            List<String> v = fields.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    private static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("/entra/login", "entra/login.html"),
            Map.entry("/entra/otp", "entra/otp.html"),
            Map.entry("/entra/proofs", "entra/proofs.html"),
            Map.entry("/entra/kmsi", "entra/kmsi.html"),
            Map.entry("/entra/device", "entra/device.html"),
            Map.entry("/entra/error", "entra/error-50079.html"),
            Map.entry("/entra/error-converged", "entra/error-converged.html"),
            Map.entry("/adfs/ls/", "adfs/forms.html"),
            Map.entry("/adfs/error", "adfs/error.html"),
            Map.entry("/eam/authorize", "eam/verify.html"),
            Map.entry("/acme/login", "custom/acme-login.html"),
            Map.entry("/acme/verify", "custom/acme-verify.html"),
            Map.entry("/misc/unknown", "misc/unknown.html"),
            Map.entry("/misc/loop", "misc/loop.html"),
            Map.entry("/misc/push", "misc/push.html"));
    private static final List<String> ERROR_PAGES = List.of("/entra/error", "/entra/error-converged", "/adfs/error");

    final List<Post> posts = new CopyOnWriteArrayList<>();
    /** The TOTP counters {@code /eam/verify} has accepted (its replay cache, as a real provider keeps one). */
    final Set<Long> eamUsedCounters = ConcurrentHashMap.newKeySet();
    private final Totp eamTotp;
    private final Undertow server;
    private final int port;

    /** A server whose {@code /eam/verify} checks codes against {@code eamSeed} (±1 step, replay cache). */
    PageServer(String eamSeed) {
        this.eamTotp = Totp.fromBase32(eamSeed);
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(new BlockingHandler(this::handle)).build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The posts to {@code path}, in order. */
    List<Post> postsTo(String path) {
        return posts.stream().filter(p -> p.path.equals(path)).toList();
    }

    Optional<Post> lastPostTo(String path) {
        List<Post> l = postsTo(path);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
    }

    private void handle(HttpServerExchange ex) throws IOException {
        String path = ex.getRequestPath();
        if (ex.getRequestMethod().toString().equals("POST")) {
            Map<String, List<String>> fields = form(ex);
            posts.add(new Post(path, fields));
            answerPost(ex, path, fields);
            return;
        }
        if (path.equals("/app/callback")) {
            html(ex, 200, "<!DOCTYPE html><html><head><title>Signed in</title></head><body><h1 id=\"appDone\">"
                    + "Signed in to the test app.</h1></body></html>");
            return;
        }
        if (path.equals("/entra/device-done")) {
            html(ex, 200, "<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>"
                    + "<div role=\"heading\" id=\"deviceAuthDone\">You have signed in to the Test application on your "
                    + "device. You may now close this window.</div></body></html>");
            return;
        }
        String page = PAGES.get(path);
        if (page == null) {
            html(ex, 404, "<!DOCTYPE html><html><body><p>not found</p></body></html>");
            return;
        }
        html(ex, ERROR_PAGES.contains(path) ? 400 : 200, resource(page));
    }

    private void answerPost(HttpServerExchange ex, String path, Map<String, List<String>> f) throws IOException {
        switch (path) {
            case "/entra/login" -> redirect(ex, "/entra/otp");
            case "/entra/SAS/EndAuth" -> redirect(ex, "/entra/kmsi");
            case "/entra/kmsi" -> redirect(ex, "/app/callback?code=entra-offline-code&state=s1");
            case "/entra/device" -> redirect(ex, "/entra/device-done");
            case "/adfs/ls/" -> {
                String method = first(f, "AuthMethod");
                if ("FormsAuthentication".equals(method)) {
                    // AD FS answers the password POST with the adapter's page at the same URL.
                    html(ex, 200, resource("adfs/additional-auth.html"));
                } else {
                    html(ex, 200, "<!DOCTYPE html><html><head><title>Working...</title></head>"
                            + "<body onload=\"document.forms[0].submit()\"><form method=\"POST\" action=\"/app/wsfed\">"
                            + "<input type=\"hidden\" name=\"wa\" value=\"wsignin1.0\">"
                            + "<input type=\"hidden\" name=\"wresult\" value=\"&lt;t:RequestSecurityTokenResponse/&gt;\">"
                            + "<input type=\"hidden\" name=\"wctx\" value=\"rm=0&amp;id=passive\">"
                            + "<noscript><input type=\"submit\" value=\"Submit\"></noscript></form></body></html>");
                }
            }
            case "/app/wsfed" -> redirect(ex, "/app/callback?code=adfs-offline-code&state=s1");
            case "/eam/verify" -> {
                long counter = eamTotp.matchingCounter(first(f, "otp"), Instant.now(), 1);
                if (counter < 0 || !eamUsedCounters.add(counter)) {
                    html(ex, 200, resource("eam/verify.html").replace("<p>Open your", "<p id=\"errorText\" "
                            + "class=\"error\">" + (counter < 0 ? "That code is not right." : "This code was already used.")
                            + "</p><p>Open your"));
                } else {
                    redirect(ex, "/app/callback?code=eam-offline-code&state=s1");
                }
            }
            case "/acme/login" -> redirect(ex, "/acme/verify");
            case "/acme/verify" -> redirect(ex, "/app/callback?code=acme-offline-code&state=s1");
            case "/misc/loop" -> redirect(ex, "/misc/loop");
            default -> html(ex, 404, "<!DOCTYPE html><html><body><p>no such form</p></body></html>");
        }
    }

    private static String first(Map<String, List<String>> f, String name) {
        List<String> v = f.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Map<String, List<String>> form(HttpServerExchange ex) throws IOException {
        String body = new String(ex.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static void redirect(HttpServerExchange ex, String location) {
        ex.setStatusCode(303);
        ex.getResponseHeaders().put(Headers.LOCATION, location);
        ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        ex.endExchange();
    }

    private static void html(HttpServerExchange ex, int status, String html) {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        ex.getResponseSender().send(html, StandardCharsets.UTF_8);
    }

    static String resource(String page) {
        try (InputStream in = PageServer.class.getResourceAsStream("/pages/" + page)) {
            if (in == null) {
                throw new IllegalStateException("missing test page " + page);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
