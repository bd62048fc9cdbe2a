package org.mfaharness.verify;

import java.util.Objects;

/**
 * One judgement of one rule on one artifact.
 *
 * @param code        the stable reason code (see {@code docs/reason-codes.md})
 * @param severity    the severity chosen by the caller (usually {@link ReasonCode#severity()})
 * @param message     a full sentence for people
 * @param evidence    where the rule looked and what it saw
 * @param remediation what the partner or vendor changes; empty when nothing needs changing
 * @param source      the documented rule applied (a URL, with the spec section)
 */
public record Finding(String code, Severity severity, String message, Evidence evidence, String remediation,
                      String source) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? Evidence.none() : evidence;
        remediation = remediation == null ? "" : remediation;
        source = source == null ? "" : source;
    }

    /** A finding for a reason code with the code's own severity, remediation and source. */
    public static Finding of(ReasonCode code, String message, Evidence evidence) {
        return new Finding(code.name(), code.severity(), message, evidence, code.remediation(), code.source());
    }
}
