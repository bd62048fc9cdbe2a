package org.mfaharness.proxy.har;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.mfaharness.proxy.exchange.Bodies;
import org.mfaharness.proxy.exchange.Body;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.exchange.ExchangeError;
import org.mfaharness.proxy.exchange.FormCodec;
import org.mfaharness.proxy.exchange.FormField;
import org.mfaharness.proxy.exchange.Header;
import org.mfaharness.proxy.exchange.Timings;
import org.mfaharness.proxy.exchange.TlsDetails;

/**
 * Maps an {@link Exchange} to a HAR 1.2 entry and back. Fields HAR has no place for go under {@code _mfaharness}
 * (custom fields start with an underscore, as HAR 1.2 allows): sequence, client address, truncation flags, error,
 * TLS details. Bodies are written as text when they decode losslessly with their charset, else as base64.
 */
public final class HarCodec {
    /** The custom member holding mfa-harness fields. */
    public static final String EXTENSION = "_mfaharness";
    private static final java.util.Set<Charset> REVERSIBLE = java.util.Set.of(StandardCharsets.UTF_8,
            StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII);

    private HarCodec() {
    }

    public static void write(JsonGenerator g, Exchange e) throws IOException {
        g.writeStartObject();
        g.writeStringField("startedDateTime", e.started().toString());
        g.writeNumberField("time", e.timings().total());

        g.writeObjectFieldStart("request");
        g.writeStringField("method", e.method());
        g.writeStringField("url", e.url());
        g.writeStringField("httpVersion", e.httpVersion());
        writeCookies(g, Header.all(e.requestHeaders(), "Cookie"), false);
        writeHeaders(g, e.requestHeaders());
        g.writeArrayFieldStart("queryString");
        for (FormField f : query(e.url())) {
            nameValue(g, f.name(), f.value());
        }
        g.writeEndArray();
        String reqType = e.requestHeader("Content-Type").orElse(null);
        if (e.requestBody().capturedLength() > 0 || e.requestBody().truncated()) {
            g.writeObjectFieldStart("postData");
            g.writeStringField("mimeType", reqType == null ? "" : reqType);
            BodyText bt = bodyText(e.requestBody(), reqType);
            g.writeStringField("text", bt.text);
            if (bt.base64) {
                g.writeStringField("_encoding", "base64");
            }
            if (Bodies.mimeType(reqType).equals("application/x-www-form-urlencoded") && !bt.base64) {
                g.writeArrayFieldStart("params");
                for (FormField f : FormCodec.decode(bt.text)) {
                    nameValue(g, f.name(), f.value());
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeNumberField("headersSize", -1);
        g.writeNumberField("bodySize", e.requestBody().originalSize());
        g.writeEndObject();

        g.writeObjectFieldStart("response");
        g.writeNumberField("status", e.status());
        g.writeStringField("statusText", e.reason());
        g.writeStringField("httpVersion", e.httpVersion());
        writeCookies(g, Header.all(e.responseHeaders(), "Set-Cookie"), true);
        writeHeaders(g, e.responseHeaders());
        String respType = e.responseHeader("Content-Type").orElse(null);
        g.writeObjectFieldStart("content");
        g.writeNumberField("size", e.responseBody().originalSize());
        g.writeStringField("mimeType", respType == null ? "" : respType);
        if (e.responseBody().capturedLength() > 0) {
            BodyText bt = bodyText(e.responseBody(), respType);
            g.writeStringField("text", bt.text);
            if (bt.base64) {
                g.writeStringField("encoding", "base64");
            }
        }
        g.writeEndObject();
        g.writeStringField("redirectURL", e.responseHeader("Location").orElse(""));
        g.writeNumberField("headersSize", -1);
        g.writeNumberField("bodySize", e.responseBody().originalSize());
        g.writeEndObject();

        g.writeObjectFieldStart("cache");
        g.writeEndObject();
        Timings t = e.timings();
        g.writeObjectFieldStart("timings");
        g.writeNumberField("blocked", t.blocked());
        g.writeNumberField("dns", t.dns());
        g.writeNumberField("connect", t.connect());
        g.writeNumberField("send", Math.max(0, t.send()));
        g.writeNumberField("wait", Math.max(0, t.waiting()));
        g.writeNumberField("receive", Math.max(0, t.receive()));
        g.writeNumberField("ssl", t.ssl());
        g.writeEndObject();
        if (e.serverAddress() != null) {
            int colon = e.serverAddress().lastIndexOf(':');
            g.writeStringField("serverIPAddress", colon > 0 ? e.serverAddress().substring(0, colon) : e.serverAddress());
            if (colon > 0) {
                g.writeStringField("connection", e.serverAddress().substring(colon + 1));
            }
        }

        g.writeObjectFieldStart(EXTENSION);
        g.writeNumberField("sequence", e.sequence());
        if (e.clientAddress() != null) {
            g.writeStringField("clientAddress", e.clientAddress());
        }
        if (e.serverAddress() != null) {
            g.writeStringField("serverAddress", e.serverAddress());
        }
        g.writeBooleanField("requestTruncated", e.requestBody().truncated());
        g.writeBooleanField("responseTruncated", e.responseBody().truncated());
        g.writeObjectFieldStart("timings");
        g.writeNumberField("send", t.send());
        g.writeNumberField("wait", t.waiting());
        g.writeNumberField("receive", t.receive());
        g.writeEndObject();
        if (e.error() != null) {
            g.writeObjectFieldStart("error");
            g.writeStringField("kind", e.error().kind().name());
            g.writeStringField("message", e.error().message());
            g.writeEndObject();
        }
        if (e.tls() != null) {
            TlsDetails tls = e.tls();
            g.writeObjectFieldStart("tls");
            optional(g, "clientProtocol", tls.clientProtocol());
            optional(g, "clientCipher", tls.clientCipher());
            optional(g, "sni", tls.sni());
            optional(g, "upstreamProtocol", tls.upstreamProtocol());
            optional(g, "upstreamCipher", tls.upstreamCipher());
            optional(g, "upstreamPeerSubject", tls.upstreamPeerSubject());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private record BodyText(String text, boolean base64) {
    }

    private static BodyText bodyText(Body body, String contentType) {
        byte[] bytes = body.bytes();
        String mime = Bodies.mimeType(contentType);
        if (mime.isEmpty() || Bodies.isTextual(contentType)) {
            Charset cs = Bodies.charsetOrUtf8(contentType);
            Optional<String> s = Bodies.decodeStrict(bytes, cs);
            // Strict UTF-8 / ISO-8859-1 / ASCII decoding is reversible; other charsets are checked by re-encoding.
            if (s.isPresent() && (REVERSIBLE.contains(cs) || java.util.Arrays.equals(s.get().getBytes(cs), bytes))) {
                return new BodyText(s.get(), false);
            }
        }
        return new BodyText(Base64.getEncoder().encodeToString(bytes), true);
    }

    private static void writeHeaders(JsonGenerator g, List<Header> headers) throws IOException {
        g.writeArrayFieldStart("headers");
        for (Header h : headers) {
            nameValue(g, h.name(), h.value());
        }
        g.writeEndArray();
    }

    private static void writeCookies(JsonGenerator g, List<String> values, boolean setCookie) throws IOException {
        g.writeArrayFieldStart("cookies");
        for (String v : values) {
            if (setCookie) {
                String first = v.split(";", 2)[0];
                int eq = first.indexOf('=');
                if (eq > 0) {
                    g.writeStartObject();
                    g.writeStringField("name", first.substring(0, eq).trim());
                    g.writeStringField("value", first.substring(eq + 1).trim());
                    String lower = v.toLowerCase(java.util.Locale.ROOT);
                    g.writeBooleanField("httpOnly", lower.contains("httponly"));
                    g.writeBooleanField("secure", lower.contains("secure"));
                    g.writeEndObject();
                }
            } else {
                for (String part : v.split(";")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) {
                        nameValue(g, part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                    }
                }
            }
        }
        g.writeEndArray();
    }

    private static void nameValue(JsonGenerator g, String name, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("value", value);
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static List<FormField> query(String url) {
        int hash = url.indexOf('#');
        String u = hash >= 0 ? url.substring(0, hash) : url;
        int q = u.indexOf('?');
        return q < 0 ? List.of() : FormCodec.decode(u.substring(q + 1));
    }

    /**
     * Reads one HAR entry (from any producer).
     *
     * @param index 0-based position in the file, used as sequence when the entry has none
     * @throws IllegalArgumentException with a short message when a required field is missing
     */
    public static Exchange read(JsonNode entry, long index) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException("entry is not an object");
        }
        JsonNode req = entry.path("request");
        JsonNode resp = entry.path("response");
        String method = text(req, "method");
        String url = text(req, "url");
        if (method == null || url == null) {
            throw new IllegalArgumentException("entry has no request.method or request.url");
        }
        JsonNode ext = entry.path(EXTENSION);
        long sequence = ext.path("sequence").canConvertToLong() ? ext.path("sequence").asLong() : index + 1;
        Instant started = parseTime(text(entry, "startedDateTime"));
        List<Header> reqHeaders = headers(req.path("headers"));
        List<Header> respHeaders = headers(resp.path("headers"));

        Body reqBody = Body.EMPTY;
        JsonNode post = req.path("postData");
        long reqSize = req.path("bodySize").canConvertToLong() ? req.path("bodySize").asLong() : -1;
        boolean reqTruncated = ext.path("requestTruncated").asBoolean(false);
        if (post.isObject()) {
            String mime = text(post, "mimeType");
            reqHeaders = withContentType(reqHeaders, mime);
            String ct = Header.first(reqHeaders, "Content-Type").orElse(mime);
            byte[] bytes;
            if (post.hasNonNull("text")) {
                String t = post.get("text").asText();
                bytes = "base64".equals(text(post, "_encoding")) ? decodeBase64(t) : t.getBytes(Bodies.charsetOrUtf8(ct));
            } else if (post.path("params").isArray()) {
                List<FormField> fields = new ArrayList<>();
                for (JsonNode p : post.path("params")) {
                    fields.add(new FormField(p.path("name").asText(""), p.path("value").asText("")));
                }
                bytes = FormCodec.encode(fields).getBytes(StandardCharsets.UTF_8);
            } else {
                bytes = new byte[0];
            }
            long size = reqSize >= 0 ? reqSize : bytes.length;
            reqBody = bytes.length == 0 && size <= 0 ? Body.EMPTY : new Body(bytes, size, reqTruncated);
        }

        JsonNode content = resp.path("content");
        respHeaders = withContentType(respHeaders, text(content, "mimeType"));
        String respCt = Header.first(respHeaders, "Content-Type").orElse(text(content, "mimeType"));
        byte[] respBytes = new byte[0];
        if (content.hasNonNull("text")) {
            String t = content.get("text").asText();
            respBytes = "base64".equalsIgnoreCase(text(content, "encoding")) ? decodeBase64(t)
                    : t.getBytes(Bodies.charsetOrUtf8(respCt));
        }
        long respSize = content.path("size").canConvertToLong() ? content.path("size").asLong() : respBytes.length;
        boolean respTruncated = ext.path("responseTruncated").asBoolean(false)
                || (!content.hasNonNull("text") && respSize > 0);
        Body respBody = respBytes.length == 0 && respSize <= 0 && !respTruncated ? Body.EMPTY
                : new Body(respBytes, respSize, respTruncated);

        JsonNode t = entry.path("timings");
        JsonNode et = ext.path("timings");
        Timings timings = new Timings(num(t, "blocked"), num(t, "dns"), num(t, "connect"), num(t, "ssl"),
                et.has("send") ? num(et, "send") : num(t, "send"),
                et.has("wait") ? num(et, "wait") : num(t, "wait"),
                et.has("receive") ? num(et, "receive") : num(t, "receive"));

        TlsDetails tls = null;
        JsonNode tn = ext.path("tls");
        if (tn.isObject()) {
            tls = new TlsDetails(text(tn, "clientProtocol"), text(tn, "clientCipher"), text(tn, "sni"),
                    text(tn, "upstreamProtocol"), text(tn, "upstreamCipher"), text(tn, "upstreamPeerSubject"));
        }
        ExchangeError error = null;
        JsonNode en = ext.path("error");
        if (en.isObject()) {
            ExchangeError.Kind kind;
            try {
                kind = ExchangeError.Kind.valueOf(en.path("kind").asText("INTERNAL"));
            } catch (IllegalArgumentException ex) {
                kind = ExchangeError.Kind.INTERNAL;
            }
            error = new ExchangeError(kind, en.path("message").asText(""));
        }
        String server = text(ext, "serverAddress");
        if (server == null && text(entry, "serverIPAddress") != null) {
            String ip = text(entry, "serverIPAddress");
            server = ip.replace("[", "").replace("]", "");
        }
        String version = text(req, "httpVersion");
        int status = resp.path("status").asInt(0);
        return new Exchange(sequence, started, text(ext, "clientAddress"), method, url, version, reqHeaders, reqBody,
                status, resp.path("statusText").asText(""), respHeaders, respBody, timings, tls, error, server);
    }

    private static byte[] decodeBase64(String t) {
        try {
            return Base64.getMimeDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            return t.getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code headers}, with a {@code Content-Type} of {@code mimeType} added when they carry none. A valid HAR 1.2 may
     * name a body's type only in {@code postData.mimeType} / {@code content.mimeType}; everything downstream (the
     * redactor, the artifact extractors) reads a body as what its Content-Type says, so a form without the header
     * would otherwise keep its password and never show its wresult.
     */
    private static List<Header> withContentType(List<Header> headers, String mimeType) {
        if (mimeType == null || mimeType.isBlank() || Header.first(headers, "Content-Type").isPresent()) {
            return headers;
        }
        List<Header> out = new ArrayList<>(headers);
        out.add(new Header("Content-Type", mimeType.strip()));
        return out;
    }

    private static List<Header> headers(JsonNode arr) {
        List<Header> out = new ArrayList<>();
        if (arr.isArray()) {
            for (JsonNode h : arr) {
                String n = text(h, "name");
                if (n != null) {
                    out.add(new Header(n, h.path("value").asText("")));
                }
            }
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : -1;
    }

    private static Instant parseTime(String s) {
        if (s == null) {
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                return Instant.EPOCH;
            }
        }
    }
}
