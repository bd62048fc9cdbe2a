package org.mfaharness.artifact.saml;

import java.util.List;

/**
 * The Conditions element: validity window and audiences.
 *
 * @param notBefore    NotBefore as written, or null
 * @param notOnOrAfter NotOnOrAfter as written, or null
 * @param audiences    every Audience value (1.1: inside AudienceRestrictionCondition; 2.0: AudienceRestriction)
 * @param path         the Conditions element's path
 */
public record SamlConditions(String notBefore, String notOnOrAfter, List<String> audiences, String path) {
    public SamlConditions {
        audiences = List.copyOf(audiences);
    }
}
