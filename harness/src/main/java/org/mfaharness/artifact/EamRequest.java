package org.mfaharness.artifact;

import java.util.List;

/**
 * Entra's OIDC authorize POST to an External Authentication Method provider (spec §3).
 *
 * @param clientId      the client id the provider issued to Entra
 * @param redirectUri   where the provider form_posts back
 * @param nonce         the nonce the id_token must echo
 * @param state         the state to echo, or null
 * @param idTokenHint   the (deliberately expired) hint Entra signed, decoded; null when absent or unreadable
 * @param acrValues     the acr values requested in {@code claims}
 * @param amrValues     the amr values requested in {@code claims}
 * @param claimsJson    the {@code claims} parameter as sent, or null
 */
public record EamRequest(String raw, Origin origin, String clientId, String redirectUri, String responseType,
                         String responseMode, String scope, String nonce, String state, JwtToken idTokenHint,
                         List<String> acrValues, List<String> amrValues, String claimsJson) implements Artifact {
    public EamRequest {
        acrValues = List.copyOf(acrValues);
        amrValues = List.copyOf(amrValues);
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.EAM_REQUEST;
    }
}
