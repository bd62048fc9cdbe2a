package org.mfaharness.verify.jwt;

import org.mfaharness.artifact.JwtToken;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.verify.Check;
import org.mfaharness.verify.Evidence;
import org.mfaharness.verify.Findings;
import org.mfaharness.verify.JudgeContext;
import org.mfaharness.verify.ReasonCode;

/**
 * Says what an Entra token is — version, audience (flagging Partner Center), issuer — and warns when the issuer
 * is not an Entra issuer of the selected cloud. Source: spec (d) 1.
 */
public final class ClassifyToken implements Check<JwtToken> {
    @Override
    public void evaluate(JwtToken t, JudgeContext ctx, Findings out) {
        CloudProfile cloud = ctx.options().cloud();
        String aud = t.aud();
        String what = cloud.isPartnerCenterAudience(aud) ? "a Partner Center token"
                : cloud.isGraphAudience(aud) ? "a Microsoft Graph token" : "a token for " + aud;
        String ver = t.claimString("ver");
        String kind = t.claims().has("scp") || t.claims().has("roles") ? "access token"
                : t.claims().has("nonce") || t.claims().has("c_hash") ? "id token" : "token";
        String described = ver == null ? (kind.equals("token") ? "a " : "an ") + kind + " without a ver claim"
                : "a v" + ver + " " + kind;
        out.add(ReasonCode.TOKEN_CLASSIFIED, "This is " + what + ": " + described + ", issued by " + t.iss() + ".",
                Evidence.at("payload.aud", aud));
        if (!cloud.isEntraIssuer(t.iss())) {
            out.add(ReasonCode.TOKEN_ISSUER_NOT_ENTRA, "The issuer " + t.iss() + " is not an Entra issuer of the "
                    + cloud.name() + " cloud (" + cloud.v1Issuer("{tenant}") + " or " + cloud.v2Issuer("{tenant}")
                    + "); pass --cloud, or --kind eam for an external provider's id_token.",
                    Evidence.expected("payload.iss", t.iss(), cloud.v1Issuer("{tenant}")));
        }
    }
}
