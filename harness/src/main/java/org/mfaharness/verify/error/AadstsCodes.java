package org.mfaharness.verify.error;

import java.util.Map;

/** Meanings of the AADSTS codes partners meet around MFA (spec §3, §5; Microsoft's error-code reference). */
public final class AadstsCodes {
    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(50076, "MFA is required; retry interactively (common when redeeming a refresh token minted without MFA)"),
            Map.entry(50079, "MFA is required; a federated user needs to get the multifactor claim from the federated identity provider"),
            Map.entry(50074, "strong authentication is required and the user did not pass the MFA challenge"),
            Map.entry(50072, "the user must enrol for MFA"),
            Map.entry(50078, "the presented MFA has expired"),
            Map.entry(50158, "an external security challenge (EAM or custom control) was not satisfied"),
            Map.entry(50161, "the external authentication method's claims or configuration are invalid (e.g. authorization URL not a reply URL)"),
            Map.entry(53003, "Conditional Access blocked the sign-in"),
            Map.entry(530034, "delegated admin access blocked because of risk in the partner's home tenant"),
            Map.entry(50008, "the SAML assertion is missing or misconfigured"),
            Map.entry(20001, "the federated IdP returned an invalid WS-Fed response"),
            Map.entry(20012, "the federated IdP's WS-Fed message is invalid"),
            Map.entry(50027, "invalid JWT (e.g. EAM id_token without nonce or sub, wrong issuer or audience, bad time range)"),
            Map.entry(900491, "the EAM's service principal is not found (no admin consent)"),
            Map.entry(50012, "an external id_token failed signature verification"),
            Map.entry(70002, "an external id_token from the issuer failed signature verification"),
            Map.entry(50126, "the user name or password is wrong"),
            Map.entry(70008, "the authorization code or refresh token has expired"),
            Map.entry(54005, "the authorization code was already redeemed"),
            Map.entry(50173, "the grant is no longer valid (password changed or session revoked)"),
            Map.entry(65001, "the user or administrator has not consented to the application"),
            Map.entry(700016, "the application was not found in the directory"));

    private AadstsCodes() {
    }

    /** The meaning of a code, or a generic sentence. */
    public static String meaning(int code) {
        return MEANINGS.getOrDefault(code, "see Microsoft's AADSTS error reference");
    }
}
