package org.mfaharness.fuzz;

import static org.mfaharness.fuzz.gen.Gen.weight;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.mfaharness.fuzz.gen.Gen;

/**
 * Generators for hostile input: text in the parsers' own alphabets, JSON of random shape and types (duplicated
 * members, extreme numbers, broken escapes), JWT-shaped strings, form bodies with random percent escapes and
 * token-endpoint JSON. Everything is size-bounded so that a try stays in the milliseconds.
 */
final class Inputs {
    private Inputs() {
    }

    /** Characters that mean something to one of the parsers, plus letters, digits and some non-ASCII. */
    static final String SYNTAX = "<>/=\"'&;#!?-[]{}():.,%+_ \t\r\n\\*@$^|~`"
            + "abcdefxyzAMRSTLmfa0123456789\u00e9\u20ac\uFEFF\u0000\uFFFD";

    /** Words that steer the detector and the judges. */
    static final List<String> WORDS = List.of(
            "<", "</", "/>", ">", "<?xml version=\"1.0\"?>", "<!DOCTYPE", "<!--", "-->", "<![CDATA[", "]]>", "&", "&amp;",
            "&#x0;", "&#65;", "&lt;", "&e;", "xmlns=", "xmlns:saml=\"urn:oasis:names:tc:SAML:1.0:assertion\"",
            "xmlns:t=\"http://schemas.xmlsoap.org/ws/2005/02/trust\"", "t:RequestSecurityTokenResponse", "saml:Assertion",
            "samlp:Response", "ds:Signature", "AuthenticationMethod", "AuthnContextClassRef",
            "http://schemas.microsoft.com/claims/multipleauthn", "urn:federation:MicrosoftOnline",
            "{", "}", "[", "]", "\"", ":", ",", "\"amr\"", "\"mfa\"", "\"alg\"", "\"none\"", "\"RS256\"", "null", "1e309",
            "eyJ", "eyJhbGciOiJSUzI1NiJ9", ".", "..", "=", "&", "%", "%2", "%zz", "%25", "+", "wresult=", "SAMLResponse=",
            "SAMLRequest=", "id_token=", "access_token=", "wa=wsignin1.0", "grant_type=", "error=", "Authorization: Bearer ",
            "Bearer ", "AADSTS", "AADSTS50076", "AADSTS9999999999", "900421", "MFA required (10001)", "\n", " ", "\u0000");

    static Gen<String> unicode(int maxLength) {
        return Gen.strings(Gen.anyChar(), 0, maxLength);
    }

    static Gen<String> syntax(int maxLength) {
        return Gen.strings(SYNTAX, 0, maxLength);
    }

    /** A sequence of parser keywords and syntax characters. */
    static Gen<String> wordSoup(int maxWords) {
        Gen<String> piece = Gen.frequency(
                weight(3, Gen.of(WORDS)),
                weight(1, syntax(8)));
        return piece.list(0, maxWords).map(l -> String.join("", l));
    }

    static Gen<byte[]> bytes(int maxLength) {
        return Gen.bytes(0, maxLength);
    }

    static String b64url(String s) {
        return b64url(s.getBytes(StandardCharsets.UTF_8));
    }

    static String b64url(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- JSON of random shape

    /** Numbers that break naive conversions: beyond long, beyond Instant, beyond double, negative, fractional. */
    static final List<String> EDGE_NUMBERS = List.of("0", "-0", "1", "-1", "1.5", "1e3", "1E+2", "-1e-7", "1e308", "1e309",
            "-1e400", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "31556889864403199", "31556889864403200", "-31557014167219200", "-31557014167219201", "1700000000", "4102444800",
            "123456789012345678901234567890", "0.000000000000000000001", "2147483648");
    /** Not JSON at all, inside JSON: must be refused, not crash. */
    static final List<String> BROKEN = List.of("NaN", "Infinity", "01", "+1", ".5", "1.", "0x10", "'x'", "\"\\x\"", "\"\\ud800\"",
            "\"\\u12\"", "\"unterminated", "[1,]", "{\"a\":}", "{,}", "tru", "nul", "\"\u0001\"");
    static final List<String> CLAIMS = List.of("alg", "kid", "x5t", "typ", "nonce", "jwk", "jku", "x5u", "x5c", "crit", "enc",
            "iss", "aud", "exp", "nbf", "iat", "amr", "acr", "tid", "scp", "roles", "ver", "sub", "oid", "upn", "idp", "appid",
            "c_hash", "auth_time", "azp", "keys", "log", "entries", "error", "error_description", "error_codes", "code",
            "message", "id_token", "access_token", "values", "value", "", "\u0000", "AMR", "amr ");
    static final List<String> STRINGS = List.of("mfa", "MFA", "pwd", "rsa", "wiaormfa", "ngcmfa", "nomfa", " mfa", "mfa ",
            "RS256", "none", "None", "HS256", "PS256", "ES256", "RS1", "", "../../etc/passwd", "http://127.0.0.1:9/jwks",
            "https://sts.windows.net/9122040d-6c67-4c5b-b112-36a304b66dad/",
            "https://login.microsoftonline.com/9122040d-6c67-4c5b-b112-36a304b66dad/v2.0",
            "https://api.partnercenter.microsoft.com", "https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000",
            "9122040d-6c67-4c5b-b112-36a304b66dad", "1.0", "2.0", "user_impersonation", "AADSTS50076: MFA required",
            "\u202e", "\ud83d\ude00", "a\nb", "<x/>");

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static Gen<String> jsonScalar() {
        return Gen.frequency(
                weight(4, Gen.of(STRINGS).map(Inputs::jsonString)),
                weight(2, unicode(20).map(Inputs::jsonString)),
                weight(3, Gen.of(EDGE_NUMBERS)),
                weight(2, Gen.longs().map(String::valueOf)),
                weight(1, Gen.doubles().map(String::valueOf)),
                weight(1, Gen.of("true", "false", "null")),
                weight(1, Gen.of(BROKEN)));
    }

    /** A JSON value (or a near-JSON mistake) of depth at most {@code depth}. */
    static Gen<String> jsonValue(int depth) {
        if (depth <= 0) {
            return jsonScalar();
        }
        Gen<String> inner = Gen.lazy(() -> jsonValue(depth - 1));
        return Gen.frequency(
                weight(5, jsonScalar()),
                weight(2, inner.list(0, 5).map(l -> "[" + String.join(",", l) + "]")),
                weight(2, jsonObject(inner, 6)));
    }

    /** A JSON object whose member names come from the claim vocabulary, duplicates allowed. */
    static Gen<String> jsonObject(Gen<String> values, int maxMembers) {
        Gen<String> name = Gen.frequency(
                weight(5, Gen.of(CLAIMS)),
                weight(1, unicode(6)));
        Gen<String> member = Gen.zip(name, values, (n, v) -> jsonString(n) + ":" + v);
        return member.list(0, maxMembers).map(l -> "{" + String.join(",", l) + "}");
    }

    static Gen<String> jsonObject() {
        return jsonObject(jsonValue(2), 8);
    }

    /** A JOSE header: alg from the vocabulary, maybe kid/x5t/nonce/key parameters of random type. */
    static Gen<String> joseHeader() {
        Gen<String> alg = Gen.frequency(
                weight(4, Gen.of("RS256", "none", "NONE", "HS256", "hs512", "PS256", "RS512", "ES256", "", "RS256 ")
                        .map(Inputs::jsonString)),
                weight(1, jsonValue(1)));
        Gen<String> extra = jsonObject(jsonValue(1), 4).map(o -> o.length() > 2 ? "," + o.substring(1, o.length() - 1) : "");
        return Gen.zip(alg, extra, Gen.of("", ",\"kid\":\"test\"", ",\"x5t\":\"abc\"", ",\"kid\":\"../x\""),
                (a, e, k) -> "{\"alg\":" + a + k + e + "}");
    }

    /** Random {@code a.b.c}: base64url of random JSON (or of raw bytes), random signature segment. */
    static Gen<String> jwtShaped() {
        Gen<String> header = Gen.frequency(
                weight(4, joseHeader().map(Inputs::b64url)),
                weight(1, jsonValue(2).map(Inputs::b64url)),
                weight(1, bytes(40).map(Inputs::b64url)),
                weight(1, Gen.strings("ABCDEFabcdef0123456789-_=", 2, 30)));
        Gen<String> payload = Gen.frequency(
                weight(4, jsonObject().map(Inputs::b64url)),
                weight(1, jsonValue(3).map(Inputs::b64url)),
                weight(1, bytes(60).map(Inputs::b64url)),
                weight(1, Gen.strings("ABCDEFabcdef0123456789-_=", 2, 40)));
        Gen<String> signature = Gen.frequency(
                weight(3, bytes(300).map(Inputs::b64url)),
                weight(1, Gen.of("", "=", "==", "AA", "A", "-_-_")),
                weight(1, Gen.strings("ABCDEFabcdef0123456789-_=+/", 0, 40)));
        return Gen.zip(header, payload, signature, (h, p, s) -> h + "." + p + "." + s);
    }

    // ---------------------------------------------------------------- form bodies and token-endpoint JSON

    static final List<String> FORM_FIELDS = List.of("wresult", "SAMLResponse", "SAMLRequest", "wa", "wtrealm", "wctx", "wauth",
            "wfresh", "whr", "id_token", "id_token_hint", "response_type", "response_mode", "access_token", "grant_type",
            "client_id", "scope", "resource", "error", "error_description", "error_codes", "suberror", "claims", "state",
            "nonce", "redirect_uri", "code", "RelayState");

    /** Text in which some characters are percent-escaped, some escapes are broken, and '+' stands for spaces. */
    static Gen<String> percentNoise(Gen<String> text) {
        Gen<String> escape = Gen.frequency(
                weight(3, Gen.ints(0, 255).map(i -> String.format("%%%02X", i))),
                weight(2, Gen.of("%", "%2", "%zz", "%%", "%G0", "%u00e9", "%C3", "%C3%28", "%ED%A0%80", "%F0%9F", "+", "%00")),
                weight(2, text));
        return escape.list(0, 8).map(l -> String.join("", l));
    }

    /** A value for a field: noise, or an artifact from {@code artifacts} URL-encoded (or not). */
    static Gen<String> formValue(Gen<String> artifacts) {
        return Gen.frequency(
                weight(4, percentNoise(syntax(12))),
                weight(2, artifacts.map(Inputs::url)),
                weight(1, artifacts),
                weight(1, jsonObject().map(Inputs::url)),
                weight(1, Gen.of("wsignin1.0", "id_token", "refresh_token", "authorization_code", "interaction_required",
                        "AADSTS50076+MFA", "50076,50079", "[50076]")));
    }

    static Gen<String> formBody(Gen<String> artifacts) {
        Gen<String> name = Gen.frequency(
                weight(6, Gen.of(FORM_FIELDS)),
                weight(1, percentNoise(syntax(4))));
        Gen<String> pair = Gen.frequency(
                weight(8, Gen.zip(name, formValue(artifacts), (n, v) -> n + "=" + v)),
                weight(1, name),
                weight(1, Gen.of("", "=", "==", "&", "=x")));
        Gen<String> prefix = Gen.of("", "", "", "https://login.microsoftonline.com/common/oauth2/authorize?",
                "https://x.test/cb#", "#", "?");
        return Gen.zip(prefix, pair.list(1, 6), (p, l) -> p + String.join("&", l));
    }

    static final List<String> TOKEN_RESPONSE_MEMBERS = List.of("token_type", "scope", "expires_in", "ext_expires_in",
            "access_token", "id_token", "refresh_token", "error", "error_description", "error_codes", "timestamp", "trace_id",
            "correlation_id", "suberror", "claims", "code", "errorCode", "description", "message", "errorMessage", "log", "keys");

    /** A token-endpoint or Partner Center error body whose members have random types. */
    static Gen<String> tokenEndpointJson(Gen<String> artifacts) {
        Gen<String> value = Gen.frequency(
                weight(4, jsonValue(2)),
                weight(2, artifacts.map(Inputs::jsonString)),
                weight(1, Gen.of("\"AADSTS50076: Due to a configuration change, you must use MFA.\"",
                        "[50076, 50079]", "[\"50076\", null, 1e309, {}]", "{\"code\":900421,\"message\":\"MFA required (10001)\"}",
                        "{\"entries\":[]}", "[{\"kty\":\"RSA\"}]")));
        Gen<String> member = Gen.zip(Gen.of(TOKEN_RESPONSE_MEMBERS), value, (n, v) -> jsonString(n) + ":" + v);
        return member.list(0, 7).map(l -> "{" + String.join(",", l) + "}");
    }

    /** The list with each element shortened: for failure messages. */
    static String brief(List<String> l) {
        return l.stream().map(Engine::describe).collect(Collectors.joining(", "));
    }
}
