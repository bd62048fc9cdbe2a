package org.mfaharness.lab.web;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** HTML pages and HTTP responses of the lab parties: escaped values, auto-posting forms, redirects, JSON. */
public final class Html {
    private Html() {
    }

    /** Escapes text for an HTML element or a double-quoted attribute. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A whole page with a title and a body (the body is trusted markup built with {@link #esc}). */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title><style>body{font-family:sans-serif;max-width:32em;margin:3em auto}"
                + "input{display:block;margin:.5em 0;padding:.3em;width:100%}.error{color:#a00}</style></head>"
                + "<body>" + body + "</body></html>";
    }

    /** Hidden inputs for the given fields. */
    public static String hidden(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> {
            if (v != null) {
                b.append("<input type=\"hidden\" name=\"").append(esc(k)).append("\" value=\"").append(esc(v))
                        .append("\">");
            }
        });
        return b.toString();
    }

    /**
     * A page that POSTs {@code fields} to {@code action} as soon as it loads (the way AD FS returns {@code wresult}
     * and IdPs return {@code SAMLResponse}); the noscript button lets a person continue without JavaScript.
     * The form has the id {@code autopost}.
     */
    public static String autoPost(String title, String action, Map<String, String> fields) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title></head>"
                + "<body onload=\"document.forms[0].submit()\"><form id=\"autopost\" method=\"POST\" action=\""
                + esc(action) + "\">" + hidden(fields)
                + "<noscript><p>Script is disabled. Click Submit to continue.</p>"
                + "<input type=\"submit\" value=\"Submit\"></noscript></form></body></html>";
    }

    /** Query string {@code a=b&c=d} of the non-null fields, URL-encoded. */
    public static String query(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> {
            if (v != null) {
                j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return j.toString();
    }

    /** Appends a query to a URL that may already have one. */
    public static String withQuery(String url, Map<String, String> fields) {
        String q = query(fields);
        if (q.isEmpty()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + q;
    }

    public static void sendHtml(HttpServerExchange ex, int status, String html) {
        ex.setStatusCode(status);
        noStore(ex);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        ex.getResponseSender().send(html, StandardCharsets.UTF_8);
    }

    public static void sendJson(HttpServerExchange ex, int status, String json) {
        ex.setStatusCode(status);
        noStore(ex);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        ex.getResponseSender().send(json, StandardCharsets.UTF_8);
    }

    public static void sendText(HttpServerExchange ex, int status, String text) {
        ex.setStatusCode(status);
        noStore(ex);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        ex.getResponseSender().send(text, StandardCharsets.UTF_8);
    }

    public static void redirect(HttpServerExchange ex, String location) {
        ex.setStatusCode(StatusCodes.FOUND);
        noStore(ex);
        ex.getResponseHeaders().put(Headers.LOCATION, location);
        ex.endExchange();
    }

    private static void noStore(HttpServerExchange ex) {
        ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store, no-cache");
        ex.getResponseHeaders().put(Headers.PRAGMA, "no-cache");
    }
}
