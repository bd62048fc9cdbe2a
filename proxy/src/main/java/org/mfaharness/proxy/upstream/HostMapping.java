package org.mfaharness.proxy.upstream;

import java.util.Objects;

/**
 * One host map entry, {@code name=address:port}: requests for {@code name} (any port) go to {@code address:port},
 * while TLS still verifies the upstream certificate against {@code name}.
 *
 * @param host    the requested host name, normalised
 * @param address the target: an IP literal or a loopback name
 * @param port    the target port; {@code -1} keeps the requested port
 */
public record HostMapping(String host, String address, int port) {
    public HostMapping {
        host = HostNames.normalise(Objects.requireNonNull(host, "host"));
        address = HostNames.normalise(Objects.requireNonNull(address, "address"));
        if (!HostNames.isIpLiteral(address) && !HostNames.isLoopbackName(address)) {
            throw new IllegalArgumentException("host map target must be an IP literal or localhost: " + address);
        }
        if (port < -1 || port == 0 || port > 65535) {
            throw new IllegalArgumentException("bad port in host map: " + port);
        }
    }

    /**
     * Parses {@code login.example.test=127.0.0.1:8443}, {@code name=[::1]:8443} or {@code name=127.0.0.1}.
     *
     * @throws IllegalArgumentException with a one-line message on bad syntax
     */
    public static HostMapping parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("host map entry must look like HOST=ADDRESS:PORT: " + spec);
        }
        String host = spec.substring(0, eq).trim();
        String target = spec.substring(eq + 1).trim();
        String address;
        int port = -1;
        if (target.startsWith("[")) {
            int close = target.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed IPv6 bracket in host map entry: " + spec);
            }
            address = target.substring(1, close);
            if (close + 1 < target.length()) {
                port = parsePort(target.substring(close + 1), spec);
            }
        } else {
            int colon = target.lastIndexOf(':');
            if (colon >= 0 && target.indexOf(':') == colon) {
                address = target.substring(0, colon);
                port = parsePort(target.substring(colon), spec);
            } else {
                address = target;
            }
        }
        return new HostMapping(host, address, port);
    }

    private static int parsePort(String colonPort, String spec) {
        if (!colonPort.startsWith(":")) {
            throw new IllegalArgumentException("bad port in host map entry: " + spec);
        }
        try {
            return Integer.parseInt(colonPort.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in host map entry: " + spec, e);
        }
    }
}
