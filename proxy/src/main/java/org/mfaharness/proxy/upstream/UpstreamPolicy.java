package org.mfaharness.proxy.upstream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides where a request may go, from the name alone: no DNS lookup is made to decide.
 *
 * <p>Checks, in order:
 * <ol>
 *   <li>the host map: a mapped host goes to its mapped address (an IP literal or a loopback name) — allowed;</li>
 *   <li>a loopback name ({@code localhost}, {@code *.localhost}) or a loopback IP literal (127.0.0.0/8, ::1) —
 *       allowed;</li>
 *   <li>a host matching an allow pattern ({@code login.example.com}, {@code *.example.com}) — allowed, resolved by
 *       the {@link HostResolver};</li>
 *   <li>{@code upstreamAny} — any other host allowed;</li>
 *   <li>otherwise refused (the proxy answers 502 and records the exchange).</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class UpstreamPolicy {
    private final Map<String, HostMapping> map;
    private final List<String> allowPatterns;
    private final boolean upstreamAny;

    public UpstreamPolicy(List<HostMapping> mappings, List<String> allowPatterns, boolean upstreamAny) {
        Map<String, HostMapping> m = new LinkedHashMap<>();
        for (HostMapping h : mappings) {
            m.put(h.host(), h);
        }
        this.map = Map.copyOf(m);
        List<String> pats = new ArrayList<>();
        for (String p : allowPatterns) {
            String n = HostNames.normalise(p);
            if (n.isEmpty() || (n.contains("*") && !(n.startsWith("*.") && n.indexOf('*', 1) < 0))) {
                throw new IllegalArgumentException("allow pattern must be a host name or *.domain: " + p);
            }
            pats.add(n);
        }
        this.allowPatterns = List.copyOf(pats);
        this.upstreamAny = upstreamAny;
    }

    public UpstreamDecision decide(String requestedHost, int port) {
        String host = HostNames.normalise(requestedHost);
        HostMapping m = map.get(host);
        if (m != null) {
            return new UpstreamDecision(true, host, m.address(), m.port() > 0 ? m.port() : port,
                    "mapped to " + HostNames.authority(m.address(), m.port() > 0 ? m.port() : port));
        }
        if (HostNames.isLoopbackName(host)) {
            return new UpstreamDecision(true, host, host, port, "loopback name");
        }
        if (HostNames.isIpLiteral(host)) {
            if (HostNames.isLoopbackLiteral(host)) {
                return new UpstreamDecision(true, host, host, port, "loopback address");
            }
            if (upstreamAny) {
                return new UpstreamDecision(true, host, host, port, "upstreamAny");
            }
            return refused(host, port);
        }
        for (String p : allowPatterns) {
            if (matches(p, host)) {
                return new UpstreamDecision(true, host, host, port, "allowed by pattern " + p);
            }
        }
        if (upstreamAny) {
            return new UpstreamDecision(true, host, host, port, "upstreamAny");
        }
        return refused(host, port);
    }

    private static UpstreamDecision refused(String host, int port) {
        return new UpstreamDecision(false, host, null, port, "upstream " + HostNames.authority(host, port)
                + " refused: not a loopback address, not in the host map and not allowed (mfa-harness proxy --upstream-any or --allow PATTERN)");
    }

    private static boolean matches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            String suffix = pattern.substring(1);
            return host.endsWith(suffix) && host.length() > suffix.length();
        }
        return pattern.equals(host.toLowerCase(Locale.ROOT));
    }
}
