package org.mfaharness.proxy.server;

import org.mfaharness.proxy.upstream.HostNames;

/** A parsed {@code host[:port]} authority. */
record HostPort(String host, int port) {
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=%-]+");

    /**
     * @throws IllegalArgumentException with a one-line reason for a bad host or port
     */
    static HostPort parse(String authority, int defaultPort) {
        String a = authority.trim();
        String host;
        String port = null;
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed IPv6 bracket in " + printable(a));
            }
            host = a.substring(1, close);
            if (close + 1 < a.length()) {
                if (a.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("bad authority " + printable(a));
                }
                port = a.substring(close + 2);
            }
            if (!HostNames.isIpLiteral(host)) {
                throw new IllegalArgumentException("bad IPv6 literal " + printable(host));
            }
        } else {
            int colon = a.lastIndexOf(':');
            if (colon >= 0) {
                host = a.substring(0, colon);
                port = a.substring(colon + 1);
            } else {
                host = a;
            }
            if (host.isEmpty() || !NAME.matcher(host).matches() || host.length() > 253) {
                throw new IllegalArgumentException("bad host name " + printable(host));
            }
        }
        int p = defaultPort;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port " + printable(port));
            }
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("port out of range: " + p);
            }
        }
        if (p < 1) {
            throw new IllegalArgumentException("a port is required in " + printable(a));
        }
        return new HostPort(HostNames.normalise(host), p);
    }

    static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return "'" + t.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
