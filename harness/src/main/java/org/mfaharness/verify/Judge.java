package org.mfaharness.verify;

import java.util.Optional;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.artifact.EamRequest;
import org.mfaharness.artifact.EamResponse;
import org.mfaharness.artifact.EntraError;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.artifact.OpaqueToken;
import org.mfaharness.artifact.PartnerCenterError;
import org.mfaharness.artifact.Saml2Response;
import org.mfaharness.artifact.Unreadable;
import org.mfaharness.artifact.WsFedResponse;
import org.mfaharness.verify.eam.EamJudge;
import org.mfaharness.verify.error.ClassifyEntraError;
import org.mfaharness.verify.error.ClassifyPartnerCenterError;
import org.mfaharness.verify.jwt.EntraTokenJudge;
import org.mfaharness.verify.saml2.Saml2Judge;
import org.mfaharness.verify.wsfed.WsFedJudge;

/**
 * Judges one artifact with the plan for its kind. Requests and sign-in events are context, not judged: for them
 * {@link #judge} returns empty. Stateless and thread-safe.
 */
public final class Judge {
    private static final ClassifyEntraError ENTRA_ERROR = new ClassifyEntraError();
    private static final ClassifyPartnerCenterError PC_ERROR = new ClassifyPartnerCenterError();

    private Judge() {
    }

    /** Judges {@code a} in {@code ctx}; empty for context-only artifacts (requests, events). */
    public static Optional<ArtifactJudgement> judge(Artifact a, JudgeContext ctx) {
        Findings out = new Findings();
        if (a instanceof WsFedResponse r) {
            WsFedJudge.judge(r, ctx, out);
        } else if (a instanceof Saml2Response r) {
            Saml2Judge.judge(r, ctx, out);
        } else if (a instanceof JwtToken t) {
            if (t.kind() == ArtifactKind.EAM_ID_TOKEN) {
                EamJudge.judgeToken(t, ctx, out);
            } else {
                EntraTokenJudge.judge(t, ctx, out);
            }
        } else if (a instanceof EamRequest r) {
            EamJudge.judgeRequest(r, ctx, out);
        } else if (a instanceof EamResponse r) {
            EamJudge.judgeResponse(r, ctx, out);
        } else if (a instanceof EntraError e) {
            ENTRA_ERROR.evaluate(e, ctx, out);
        } else if (a instanceof PartnerCenterError e) {
            PC_ERROR.evaluate(e, ctx, out);
        } else if (a instanceof OpaqueToken o) {
            out.add(ReasonCode.TOKEN_OPAQUE, "The token is opaque: " + o.why() + ".", Evidence.at(fieldOf(a), null));
        } else if (a instanceof Unreadable u) {
            unreadable(u, out);
        } else {
            return Optional.empty();
        }
        return Optional.of(ArtifactJudgement.of(a, out.list()));
    }

    private static void unreadable(Unreadable u, Findings out) {
        Evidence ev = Evidence.at(fieldOf(u), null);
        if (u.refused()) {
            out.add(ReasonCode.XML_REFUSED, "The input was refused: " + sentence(u.reason()), ev);
            return;
        }
        ReasonCode code = switch (u.guessed()) {
            case WSFED_RSTR, SAML11_ASSERTION -> ReasonCode.WSF_PARSE_ERROR;
            case SAML2_RESPONSE, SAML2_ASSERTION, SAML2_AUTHN_REQUEST -> ReasonCode.S2_PARSE_ERROR;
            case ENTRA_TOKEN, EAM_ID_TOKEN -> ReasonCode.TOKEN_MALFORMED;
            default -> ReasonCode.INPUT_UNRECOGNISED;
        };
        out.add(code, "The input could not be read: " + sentence(u.reason()), ev);
    }

    /** A reason ending as a sentence ends, with exactly one period. */
    private static String sentence(String reason) {
        String r = reason.strip();
        return r.endsWith(".") ? r : r + ".";
    }

    private static String fieldOf(Artifact a) {
        return a.origin().field() == null ? "" : a.origin().field();
    }
}
