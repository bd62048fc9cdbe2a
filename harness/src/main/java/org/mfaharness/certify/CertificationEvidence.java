package org.mfaharness.certify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.JudgeOptions;

/**
 * Everything a run gathered for the modules: the target's metadata, the judging options (cloud, trust from the
 * metadata, evaluation time) and the sign-ins, each with its captured artifacts judged by the verdict engine.
 *
 * @param plan         the plan's name
 * @param cloud        the cloud the harness played Entra for
 * @param options      the options the verdict engine judged with (trust = the target's metadata)
 * @param federation   the federated IdP's metadata (wsfed, saml2), or null
 * @param eam          the EAM provider's discovery and keys (eam), or null
 * @param legs         the sign-ins, in the order they ran; empty when none could run
 * @param liveNotRun   why no sign-in ran (e.g. no --scenario), or null
 */
public record CertificationEvidence(String plan, CloudProfile cloud, JudgeOptions options, FederationTarget federation,
                                    EamTarget eam, List<Leg> legs, String liveNotRun) {
    public CertificationEvidence {
        legs = List.copyOf(legs);
    }

    public Instant at() {
        return options.at();
    }

    /** A judging context without request correlation, for static checks. */
    public JudgeContext context() {
        return JudgeContext.of(options);
    }

    public Optional<Leg> leg(LegName n) {
        return legs.stream().filter(l -> l.name() == n).findFirst();
    }

    /** Why a module needing sign-in {@code n} cannot run, or null when that sign-in ran. */
    public String whyNoLeg(LegName n) {
        if (leg(n).isPresent()) {
            return null;
        }
        return liveNotRun != null ? Character.toUpperCase(liveNotRun.charAt(0)) + liveNotRun.substring(1)
                : "The " + n.label() + " sign-in (" + n.description() + ") did not run.";
    }
}
