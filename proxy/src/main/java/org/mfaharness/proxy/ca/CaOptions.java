package org.mfaharness.proxy.ca;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a root CA is made: its common name, validity, and optional name constraints.
 *
 * @param commonName          subject CN of the root
 * @param validity            root validity (certificates are backdated by {@link CertificateAuthority#BACKDATE} too)
 * @param permittedDnsSubtrees DNS subtrees the CA may issue for (e.g. {@code lab.test}, {@code localhost}); empty means
 *                            no DNS constraint
 * @param permittedIpRanges   CIDR ranges (e.g. {@code 127.0.0.0/8}) the CA may issue for; empty means no IP constraint
 */
public record CaOptions(String commonName, Duration validity, List<String> permittedDnsSubtrees,
                        List<String> permittedIpRanges) {
    /** Validity of a CA generated for one run. */
    public static final Duration RUN_VALIDITY = Duration.ofDays(7);
    /** Validity of a persistent CA ({@code persistCa}). */
    public static final Duration PERSISTENT_VALIDITY = Duration.ofDays(30);
    /** Subject CN used when none is given. */
    public static final String DEFAULT_COMMON_NAME = "mfa-harness interception CA";

    public CaOptions {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(validity, "validity");
        permittedDnsSubtrees = List.copyOf(permittedDnsSubtrees);
        permittedIpRanges = List.copyOf(permittedIpRanges);
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("CA validity must be positive");
        }
    }

    /** An unconstrained CA for one run. */
    public static CaOptions forRun() {
        return new CaOptions(DEFAULT_COMMON_NAME, RUN_VALIDITY, List.of(), List.of());
    }

    /** An unconstrained persistent CA (30 days). */
    public static CaOptions persistent() {
        return new CaOptions(DEFAULT_COMMON_NAME, PERSISTENT_VALIDITY, List.of(), List.of());
    }

    /** Name-constrains the CA: it may only issue for these DNS subtrees and IP ranges. */
    public CaOptions withNameConstraints(List<String> dnsSubtrees, List<String> ipRanges) {
        return new CaOptions(commonName, validity, dnsSubtrees, ipRanges);
    }

    boolean constrained() {
        return !permittedDnsSubtrees.isEmpty() || !permittedIpRanges.isEmpty();
    }
}
