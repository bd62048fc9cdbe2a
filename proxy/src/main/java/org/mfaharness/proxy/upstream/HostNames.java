package org.mfaharness.proxy.upstream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Host name and IP literal helpers that never query DNS. Thread-safe (stateless). */
public final class HostNames {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+(%[0-9A-Za-z._-]+)?");

    private HostNames() {
    }

    /** Lower-cased, without IPv6 brackets or a trailing dot. */
    public static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".") && h.length() > 1) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    /** True for an IPv4 dotted quad or an IPv6 literal (brackets allowed). */
    public static boolean isIpLiteral(String host) {
        String h = normalise(host);
        return IPV4.matcher(h).matches() || (h.indexOf(':') >= 0 && IPV6.matcher(h).matches());
    }

    /** Parses an IP literal; only the syntax is checked, no lookup is made. */
    public static InetAddress parseIpLiteral(String host) {
        String h = normalise(host);
        if (!isIpLiteral(h)) {
            throw new IllegalArgumentException("not an IP literal: " + host);
        }
        try {
            return InetAddress.getByName(h); // a literal: the JDK checks the format only
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + host, e);
        }
    }

    /** {@code localhost} or a name under {@code .localhost} (RFC 6761 section 6.3). */
    public static boolean isLoopbackName(String host) {
        String h = normalise(host);
        return h.equals("localhost") || h.endsWith(".localhost");
    }

    /** A loopback IP literal: 127.0.0.0/8 or ::1. */
    public static boolean isLoopbackLiteral(String host) {
        return isIpLiteral(host) && parseIpLiteral(host).isLoopbackAddress();
    }

    /** Formats host:port, bracketing IPv6 literals. */
    public static String authority(String host, int port) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return h + ":" + port;
    }
}
