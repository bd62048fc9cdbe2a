package org.mfaharness.proxy.server;

import org.mfaharness.proxy.exchange.TlsDetails;
import org.mfaharness.proxy.upstream.HostNames;

/**
 * Where one request goes, as the client asked.
 *
 * @param tls           upstream over TLS
 * @param host          requested host, normalised
 * @param port          requested port
 * @param requestTarget origin-form path and query sent upstream
 * @param clientTls     TLS details of the client leg, or null
 */
record Target(boolean tls, String host, int port, String requestTarget, TlsDetails clientTls) {
    String url() {
        String scheme = tls ? "https" : "http";
        int def = tls ? 443 : 80;
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme + "://" + h + (port == def ? "" : ":" + port) + requestTarget;
    }

    String authority() {
        int def = tls ? 443 : 80;
        return port == def ? (host.indexOf(':') >= 0 ? "[" + host + "]" : host) : HostNames.authority(host, port);
    }

    /**
     * Parses an absolute-form request target ({@code http://host:port/path?q}).
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    static Target parseAbsolute(String uri, String query) {
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException("request target is not an absolute URL");
        }
        String scheme = uri.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
        boolean tls;
        if (scheme.equals("http")) {
            tls = false;
        } else if (scheme.equals("https")) {
            tls = true;
        } else {
            throw new IllegalArgumentException("unsupported scheme: " + scheme);
        }
        int authStart = schemeEnd + 3;
        int pathStart = uri.indexOf('/', authStart);
        String authority = pathStart < 0 ? uri.substring(authStart) : uri.substring(authStart, pathStart);
        String path = pathStart < 0 ? "/" : uri.substring(pathStart);
        if (authority.contains("@")) {
            authority = authority.substring(authority.lastIndexOf('@') + 1); // userinfo is never forwarded
        }
        HostPort hp = HostPort.parse(authority, tls ? 443 : 80);
        String target = path + (query == null || query.isEmpty() ? "" : "?" + query);
        return new Target(tls, hp.host(), hp.port(), target, null);
    }
}
