package org.mfaharness.certify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.chain.ChainJudgement;

/**
 * One sign-in the harness drove, with what it captured and how the verdict engine judged it.
 *
 * @param name        which sign-in
 * @param startedAt   when the harness sent the request
 * @param finishedAt  when the sign-in ended
 * @param sent        what the harness sent that a module compares against (e.g. {@code wctx}, {@code state})
 * @param artifacts   the artifacts this sign-in's exchanges carried, in order
 * @param hops        the judgements of those artifacts
 * @param chain       the judgement of the capture from its start to the end of this sign-in (so session-wide
 *                    facts such as an earlier second factor count, as they do at the IdP)
 * @param deliveries  what arrived at the stand-in Entra endpoints during this sign-in
 * @param steps       the sign-in drivers' step descriptions (no secrets)
 * @param typedPassword whether the drivers typed the password during this sign-in (as the sign-in context recorded it)
 * @param typedCode   whether the drivers typed a one-time code during this sign-in
 * @param failure     why the sign-in stopped before the stand-in Entra endpoint, or null when it arrived
 * @param failureKind the sign-in failure's kind ({@code ERROR_PAGE}, {@code STALLED}, …), or null
 */
public record Leg(LegName name, Instant startedAt, Instant finishedAt, Map<String, String> sent, List<Artifact> artifacts,
                  List<ArtifactJudgement> hops, ChainJudgement chain, List<Delivery> deliveries, List<String> steps,
                  boolean typedPassword, boolean typedCode, String failure, String failureKind) {

    static final Set<ArtifactKind> IDP_RESPONSES = Set.of(ArtifactKind.WSFED_RSTR, ArtifactKind.SAML11_ASSERTION,
            ArtifactKind.SAML2_RESPONSE, ArtifactKind.SAML2_ASSERTION);

    public Leg {
        sent = Map.copyOf(sent);
        artifacts = List.copyOf(artifacts);
        hops = List.copyOf(hops);
        deliveries = List.copyOf(deliveries);
        steps = List.copyOf(steps);
    }

    public String label() {
        return name.label();
    }

    /** Whether the sign-in arrived at the stand-in Entra endpoint. */
    public boolean completed() {
        return failure == null;
    }

    /** The last judged artifact of one of these kinds. */
    public Optional<ArtifactJudgement> last(Set<ArtifactKind> kinds) {
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (kinds.contains(hops.get(i).artifact().kind())) {
                return Optional.of(hops.get(i));
            }
        }
        return Optional.empty();
    }

    /** The federated IdP's response (RSTR or SAML 2.0 Response) this sign-in captured. */
    public Optional<ArtifactJudgement> idpResponse() {
        return last(IDP_RESPONSES);
    }

    /** The chain findings (attribution, false-positive guard) up to the end of this sign-in. */
    public List<Finding> chainFindings() {
        return chain == null ? List.of() : chain.findings();
    }

    /** The last delivery to a path ending with {@code suffix}. */
    public Optional<Delivery> delivery(String suffix) {
        for (int i = deliveries.size() - 1; i >= 0; i--) {
            if (deliveries.get(i).path().endsWith(suffix)) {
                return Optional.of(deliveries.get(i));
            }
        }
        return Optional.empty();
    }

    /** One line on why this sign-in produced nothing, for modules that could not run. */
    public String whyNothing(String what) {
        return "The " + label() + " sign-in (" + name.description() + ") produced no " + what
                + (failure == null ? "." : ": " + failure);
    }
}
