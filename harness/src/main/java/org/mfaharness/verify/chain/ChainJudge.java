package org.mfaharness.verify.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mfaharness.artifact.Artifact;
import org.mfaharness.artifact.ArtifactKind;
import org.mfaharness.artifact.EamRequest;
import org.mfaharness.artifact.JwtToken;
import org.mfaharness.artifact.Saml2AuthnRequest;
import org.mfaharness.artifact.SignInEvent;
import org.mfaharness.artifact.TokenRequest;
import org.mfaharness.artifact.WsFedSignInRequest;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.verify.ArtifactJudgement;
import org.mfaharness.verify.Correlation;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Finding;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.Judge;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.JudgeOptions;
import org.mfaharness.verify.MfaBy;
import org.mfaharness.verify.MfaReading;
import org.mfaharness.verify.ReasonCode;
import org.mfaharness.verify.Verdict;

/**
 * Judges artifacts in the order they passed. Each is judged with the requests that preceded it (the last WS-Fed
 * sign-in request, AuthnRequest and EAM request; the token request of the same exchange). The decisive token is the
 * last Entra token for Partner Center, else the last access token, else the last Entra token. When there is one, the
 * chain verdict is that token's verdict with the errors after it (Entra refusing a later token request, Partner
 * Center refusing the call) and the chain findings — upstream hops explain, but Entra's token is authoritative;
 * without one, every hop bears. Stateless and thread-safe.
 */
public final class ChainJudge {
    private final JudgeOptions options;

    public ChainJudge(JudgeOptions options) {
        this.options = options;
    }

    public ChainJudgement judge(List<Artifact> artifacts) {
        List<ArtifactJudgement> hops = new ArrayList<>();
        List<Artifact> context = new ArrayList<>();
        WsFedSignInRequest wsfed = null;
        Saml2AuthnRequest authn = null;
        EamRequest eam = null;
        Map<Integer, TokenRequest> tokenRequests = new HashMap<>();
        for (Artifact a : artifacts) {
            if (a instanceof WsFedSignInRequest r) {
                wsfed = r;
            } else if (a instanceof Saml2AuthnRequest r) {
                authn = r;
            } else if (a instanceof TokenRequest r) {
                tokenRequests.put(a.origin().hop(), r);
            }
            Correlation corr = new Correlation(wsfed, authn, eam, tokenRequests.get(a.origin().hop()));
            Optional<ArtifactJudgement> j = Judge.judge(a, new JudgeContext(options, corr));
            if (j.isPresent()) {
                hops.add(j.get());
            } else {
                context.add(a);
            }
            if (a instanceof EamRequest r) {
                eam = r;
            }
        }
        return conclude(hops, context, tokenRequests);
    }

    private ChainJudgement conclude(List<ArtifactJudgement> hops, List<Artifact> context, Map<Integer, TokenRequest> tokenRequests) {
        CloudProfile cloud = options.cloud();
        ArtifactJudgement token = decisiveToken(hops, cloud);
        Findings chain = new Findings();
        MfaReading mfa;
        MfaBy by;
        ArtifactJudgement idp = last(hops, ArtifactKind.WSFED_RSTR, ArtifactKind.SAML11_ASSERTION,
                ArtifactKind.SAML2_RESPONSE, ArtifactKind.SAML2_ASSERTION);
        ArtifactJudgement eamToken = last(hops, ArtifactKind.EAM_ID_TOKEN);
        boolean entraPrompted = has(context, SignInEvent.Type.ENTRA_MFA_PROMPT);
        if (token != null) {
            mfa = token.mfa();
            TokenRequest grant = grantThatIssued((JwtToken) token.artifact(), hops, tokenRequests);
            if (grant != null && grant.isRefresh() && mfa != MfaReading.PRESENT && mfa != MfaReading.WEAK) {
                chain.add(ReasonCode.RT_MINTED_WITHOUT_MFA, "This token was redeemed from a refresh token (grant_type=refresh_token)"
                        + " and inherited no MFA from the original sign-in.", Evidence.at("grant_type", grant.grantType()));
            }
            by = attribute(mfa, idp, eamToken, entraPrompted, chain);
        } else {
            if (captured(hops)) {
                chain.add(ReasonCode.CHAIN_NO_ENTRA_TOKEN, "No Entra token was captured: the verdict rests on the "
                        + hops.size() + " artifact(s) captured.", Evidence.none());
            }
            mfa = readingWithoutToken(hops);
            by = mfa == MfaReading.ABSENT ? MfaBy.NOBODY : MfaBy.UNKNOWN;
        }
        if (idp != null && (idp.mfa() == MfaReading.PRESENT || idp.mfa() == MfaReading.WEAK)
                && has(context, SignInEvent.Type.IDP_PAGE) && !has(context, SignInEvent.Type.IDP_SECOND_FACTOR)) {
            chain.add(ReasonCode.IDP_MFA_UNOBSERVED, "The IdP asserted MFA at hop " + idp.artifact().origin().hop()
                    + ", but none of its captured pages showed a second factor (no OTP, passcode or push step).",
                    Evidence.at("hop " + idp.artifact().origin().hop(), idp.decisive() == null ? null : idp.decisive().evidence().value()));
        }
        ArtifactJudgement firstLoss = null;
        for (ArtifactJudgement h : captured(hops) ? hops : List.<ArtifactJudgement>of()) {
            if (h.mfa() == MfaReading.ABSENT && bearsOnMfa(h)) {
                firstLoss = h;
                chain.add(ReasonCode.CHAIN_CLAIM_LOST, "The MFA claim was first missing at " + describe(h) + ".",
                        Evidence.at("hop " + h.artifact().origin().hop(), h.decisive() == null ? null : h.decisive().code()));
                break;
            }
        }
        List<ArtifactJudgement> bearing = bearing(hops, token);
        Verdict verdict = null;
        Finding decisive = null;
        for (ArtifactJudgement h : bearing) {
            if (verdict == null || h.verdict().worst(verdict) != verdict) {
                verdict = h.verdict();
                decisive = h.decisive();
            }
        }
        for (Finding f : chain.list()) {
            Verdict fv = f.severity().asVerdict();
            if (fv != null && (verdict == null || fv.worst(verdict) != verdict)) {
                verdict = fv;
                decisive = f;
            }
        }
        if (verdict == null) {
            verdict = Verdict.INCONCLUSIVE;
        }
        return new ChainJudgement(hops, context, verdict, mfa, by, chain.list(), token, decisive, firstLoss);
    }

    /**
     * The token request whose response issued this token: the decisive token is often the copy a client sent to
     * Partner Center in its Authorization header, so the grant is found where the same token was returned.
     */
    private static TokenRequest grantThatIssued(JwtToken token, List<ArtifactJudgement> hops, Map<Integer, TokenRequest> requests) {
        TokenRequest own = requests.get(token.origin().hop());
        if (own != null) {
            return own;
        }
        for (ArtifactJudgement h : hops) {
            if (h.artifact() instanceof JwtToken t && t.raw().equals(token.raw()) && requests.containsKey(t.origin().hop())) {
                return requests.get(t.origin().hop());
            }
        }
        return null;
    }

    private static MfaBy attribute(MfaReading mfa, ArtifactJudgement idp, ArtifactJudgement eamToken, boolean entraPrompted,
                                   Findings chain) {
        if (mfa == MfaReading.ABSENT) {
            return MfaBy.NOBODY;
        }
        if (mfa == MfaReading.UNKNOWN) {
            return MfaBy.UNKNOWN;
        }
        boolean idpClaimed = idp != null && (idp.mfa() == MfaReading.PRESENT || idp.mfa() == MfaReading.WEAK);
        if (entraPrompted && idp == null && eamToken == null) {
            chain.add(ReasonCode.MFA_BY_ENTRA_ONLY, "Entra showed its own MFA prompt and no federated IdP or EAM took part.",
                    Evidence.at("SAS", "BeginAuth/EndAuth"));
            return MfaBy.ENTRA;
        }
        if (entraPrompted) {
            chain.add(ReasonCode.MFA_BY_ENTRA, "Entra showed its own MFA prompt: the token's mfa came from Entra, not from the third party.",
                    Evidence.at("SAS", "BeginAuth/EndAuth"));
            if (idpClaimed) {
                chain.add(ReasonCode.IDP_CLAIM_NOT_HONORED, "The IdP asserted MFA (" + describe(idp)
                        + "), yet Entra still prompted: the claim was not honoured.", Evidence.at("hop " + idp.artifact().origin().hop(), null));
            }
            return MfaBy.ENTRA;
        }
        if (eamToken != null && eamToken.mfa() == MfaReading.PRESENT) {
            chain.add(ReasonCode.MFA_BY_EAM, "The external authentication method's id_token (" + describe(eamToken)
                    + ") satisfied MFA.", Evidence.at("hop " + eamToken.artifact().origin().hop(), null));
            return MfaBy.EAM;
        }
        if (idpClaimed) {
            chain.add(ReasonCode.MFA_BY_FEDERATED_IDP, "The federated IdP's claim (" + describe(idp)
                    + ") satisfied MFA and Entra showed no prompt of its own.", Evidence.at("hop " + idp.artifact().origin().hop(), null));
            return MfaBy.FEDERATED_IDP;
        }
        if (idp != null) {
            chain.add(ReasonCode.MFA_BY_ENTRA, "The IdP asserted no MFA (" + describe(idp)
                    + "), yet the token has mfa: Entra must have performed MFA itself.", Evidence.at("hop " + idp.artifact().origin().hop(), null));
            return MfaBy.ENTRA;
        }
        return MfaBy.UNKNOWN;
    }

    private static ArtifactJudgement decisiveToken(List<ArtifactJudgement> hops, CloudProfile cloud) {
        ArtifactJudgement lastPc = null;
        ArtifactJudgement lastAccess = null;
        ArtifactJudgement lastAny = null;
        for (ArtifactJudgement h : hops) {
            if (h.artifact() instanceof JwtToken t && t.kind() == ArtifactKind.ENTRA_TOKEN) {
                lastAny = h;
                if (t.claims().has("scp") || t.claims().has("roles") || "access_token".equals(t.origin().field())
                        || "Authorization".equals(t.origin().field())) {
                    lastAccess = h;
                }
                if (cloud.isPartnerCenterAudience(t.aud())) {
                    lastPc = h;
                }
            }
        }
        return lastPc != null ? lastPc : lastAccess != null ? lastAccess : lastAny;
    }

    private static List<ArtifactJudgement> bearing(List<ArtifactJudgement> hops, ArtifactJudgement token) {
        if (token == null) {
            return hops;
        }
        List<ArtifactJudgement> out = new ArrayList<>();
        out.add(token);
        boolean after = false;
        for (ArtifactJudgement h : hops) {
            if (h == token) {
                after = true;
            } else if (after && (h.artifact().kind() == ArtifactKind.PARTNER_CENTER_ERROR
                    || h.artifact().kind() == ArtifactKind.ENTRA_ERROR)) {
                out.add(h);
            }
        }
        return out;
    }

    private static MfaReading readingWithoutToken(List<ArtifactJudgement> hops) {
        for (ArtifactJudgement h : hops) {
            ArtifactKind k = h.artifact().kind();
            if ((k == ArtifactKind.ENTRA_ERROR || k == ArtifactKind.PARTNER_CENTER_ERROR) && h.mfa() == MfaReading.ABSENT) {
                return MfaReading.ABSENT;
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (hops.get(i).mfa() != MfaReading.UNKNOWN) {
                return hops.get(i).mfa();
            }
        }
        return MfaReading.UNKNOWN;
    }

    /** Whether the hops come from a capture (a HAR or a live run) rather than one pasted artifact. */
    private static boolean captured(List<ArtifactJudgement> hops) {
        return hops.stream().anyMatch(h -> h.artifact().origin().captured());
    }

    private static boolean bearsOnMfa(ArtifactJudgement h) {
        return switch (h.artifact().kind()) {
            case WSFED_RSTR, SAML11_ASSERTION, SAML2_RESPONSE, SAML2_ASSERTION, EAM_ID_TOKEN, ENTRA_TOKEN, EAM_RESPONSE -> true;
            default -> false;
        };
    }

    private static ArtifactJudgement last(List<ArtifactJudgement> hops, ArtifactKind... kinds) {
        ArtifactJudgement found = null;
        for (ArtifactJudgement h : hops) {
            for (ArtifactKind k : kinds) {
                if (h.artifact().kind() == k) {
                    found = h;
                }
            }
        }
        return found;
    }

    private static boolean has(List<Artifact> context, SignInEvent.Type type) {
        return context.stream().anyMatch(a -> a instanceof SignInEvent e && e.type() == type);
    }

    static String describe(ArtifactJudgement h) {
        int hop = h.artifact().origin().hop();
        String where = hop >= 0 ? "hop " + hop + " (" + h.artifact().kind().label() + ")" : h.artifact().kind().label();
        return h.decisive() == null ? where : where + ", " + h.decisive().code();
    }
}
