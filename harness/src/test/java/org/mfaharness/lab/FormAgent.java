package org.mfaharness.lab;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A test-side "form-following user agent": a real HTTPS client (the lab CA trusted, a cookie jar) that follows
 * redirects and auto-posting forms, fills and submits the lab's forms, and records every hop (method, URL, posted
 * field names and values) so tests can assert the traffic. Stops at URLs the caller says are the application's.
 */
final class FormAgent {
    private static final Pattern FORM = Pattern.compile("<form([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z_:-]+)=\"([^\"]*)\"");

    /** One request the agent made. */
    record Hop(String method, String url, Map<String, String> form, int status) {
        String path() {
            return URI.create(url).getPath();
        }

        Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            String raw = URI.create(url).getRawQuery();
            if (raw != null) {
                for (String p : raw.split("&")) {
                    int eq = p.indexOf('=');
                    q.put(URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8),
                            eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return q;
        }
    }

    /** A page: its URL, status and body, or the application URL the flow stopped at. */
    record Page(String url, int status, String body, boolean stoppedAtApp) {
        boolean has(String elementId) {
            return body.contains("id=\"" + elementId + "\"");
        }

        /** The form holding {@code elementId} (or the first form): action and its inputs' name to value. */
        Form form(String elementId) {
            Matcher m = FORM.matcher(body);
            Form first = null;
            while (m.find()) {
                Form f = new Form(attr(m.group(1), "action"), attr(m.group(1), "method"), inputs(m.group(2)));
                if (first == null) {
                    first = f;
                }
                if (elementId == null || m.group(2).contains("id=\"" + elementId + "\"")) {
                    return f;
                }
            }
            if (first == null) {
                throw new AssertionError("no form on " + url + ":\n" + body);
            }
            return first;
        }

        /** The text of the element with that id (first text up to the next tag). */
        Optional<String> text(String elementId) {
            Matcher m = Pattern.compile("id=\"" + Pattern.quote(elementId) + "\"[^>]*>([^<]*)<").matcher(body);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        Map<String, String> appQuery() {
            return new Hop("GET", url, Map.of(), status).query();
        }
    }

    record Form(String action, String method, Map<String, String> inputs) {
    }

    private final HttpClient http;
    private final Predicate<String> appUrl;
    final List<Hop> hops = new ArrayList<>();

    FormAgent(SSLContext tls, Predicate<String> appUrl) {
        this.http = HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        this.appUrl = appUrl;
    }

    Page get(String url) {
        return follow("GET", url, null);
    }

    /** Submits the form containing {@code elementId}, with {@code fields} over its inputs. */
    Page submit(Page page, String elementId, Map<String, String> fields) {
        Form f = page.form(elementId);
        Map<String, String> data = new LinkedHashMap<>(f.inputs());
        data.putAll(fields);
        String action = URI.create(page.url()).resolve(html(f.action())).toString();
        return follow("POST", action, data);
    }

    /** Posts a form directly. */
    Page post(String url, Map<String, String> fields) {
        return follow("POST", url, fields);
    }

    private Page follow(String method, String url, Map<String, String> form) {
        String m = method;
        String u = url;
        Map<String, String> f = form;
        for (int i = 0; i < 30; i++) {
            if (appUrl.test(u)) {
                hops.add(new Hop(m, u, f == null ? Map.of() : f, 0));
                return new Page(u, 0, "", true);
            }
            HttpResponse<String> r = send(m, u, f);
            hops.add(new Hop(m, u, f == null ? Map.of() : f, r.statusCode()));
            if (r.statusCode() >= 300 && r.statusCode() < 400) {
                u = URI.create(u).resolve(r.headers().firstValue("Location").orElseThrow()).toString();
                m = "GET";
                f = null;
                continue;
            }
            String body = r.body();
            if (body.contains("onload=\"document.forms[0].submit()\"")) {
                Page p = new Page(u, r.statusCode(), body, false);
                Form af = p.form("autopost");
                u = URI.create(u).resolve(html(af.action())).toString();
                m = "POST";
                f = af.inputs();
                continue;
            }
            return new Page(u, r.statusCode(), body, false);
        }
        throw new AssertionError("too many hops from " + url);
    }

    HttpResponse<String> send(String method, String url, Map<String, String> form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if ("POST".equals(method)) {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form == null ? Map.of() : form)));
        } else {
            b.GET();
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request to " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> inputs(String formBody) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(formBody);
        while (m.find()) {
            String name = attr(m.group(1), "name");
            if (name != null) {
                String v = attr(m.group(1), "value");
                out.put(html(name), v == null ? "" : html(v));
            }
        }
        return out;
    }

    private static String attr(String attrs, String name) {
        Matcher m = ATTR.matcher(attrs);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }

    static String html(String s) {
        return s == null ? null : s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
