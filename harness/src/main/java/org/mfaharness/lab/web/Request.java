package org.mfaharness.lab.web;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the lab parties read it: query and form parameters decoded strictly (a bad %-escape is a
 * {@link BadRequestException}), the body read with a size limit, cookies by name. Read on a worker thread.
 */
public final class Request {
    /** The largest form body a party reads (a SAML response is a few tens of KiB). */
    public static final int MAX_BODY_BYTES = 512 * 1024;

    private final HttpServerExchange exchange;
    private final Map<String, String> query;
    private Map<String, String> form;
    private String body;

    public Request(HttpServerExchange exchange) {
        this.exchange = exchange;
        this.query = parse(exchange.getQueryString());
    }

    public HttpServerExchange exchange() {
        return exchange;
    }

    public String path() {
        return exchange.getRequestPath();
    }

    public boolean isPost() {
        return exchange.getRequestMethod().equals(Methods.POST);
    }

    public boolean isGet() {
        return exchange.getRequestMethod().equals(Methods.GET) || exchange.getRequestMethod().equals(Methods.HEAD);
    }

    /** The client's IP address, for the {@code ipaddr} claim. */
    public String clientIp() {
        return exchange.getSourceAddress() == null ? "127.0.0.1"
                : exchange.getSourceAddress().getAddress().getHostAddress();
    }

    public Map<String, String> query() {
        return Collections.unmodifiableMap(query);
    }

    /** The form body ({@code application/x-www-form-urlencoded}); empty for other requests. */
    public Map<String, String> form() {
        if (form == null) {
            String ct = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
            form = isPost() && ct != null && ct.toLowerCase().startsWith("application/x-www-form-urlencoded")
                    ? parse(body()) : new LinkedHashMap<>();
        }
        return Collections.unmodifiableMap(form);
    }

    /** A parameter from the form (POST) or the query (GET), form first. */
    public Optional<String> param(String name) {
        String v = form().get(name);
        if (v == null) {
            v = query.get(name);
        }
        return Optional.ofNullable(v);
    }

    /** A parameter that must be present and non-empty, else {@link MissingParameterException}. */
    public String required(String name) {
        return param(name).filter(s -> !s.isBlank())
                .orElseThrow(() -> new MissingParameterException(name));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    public Optional<String> cookie(String name) {
        Cookie c = exchange.getRequestCookie(name);
        return c == null ? Optional.empty() : Optional.ofNullable(c.getValue());
    }

    /** The request body as UTF-8 text, at most {@link #MAX_BODY_BYTES}. */
    public String body() {
        if (body == null) {
            if (!exchange.isBlocking()) {
                exchange.startBlocking();
            }
            try (InputStream in = exchange.getInputStream()) {
                byte[] b = in.readNBytes(MAX_BODY_BYTES + 1);
                if (b.length > MAX_BODY_BYTES) {
                    throw new BadRequestException("request body too large");
                }
                body = new String(b, StandardCharsets.UTF_8);
            } catch (IOException e) {
                // Over Undertow's entity limit, or the client went away mid-body.
                throw new BadRequestException("request body could not be read");
            }
        }
        return body;
    }

    /** Parses {@code a=b&c=d}; the first occurrence of a name wins; a malformed escape is a bad request. */
    public static Map<String, String> parse(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("malformed URL encoding");
            }
        }
        return out;
    }
}
