package org.mfaharness.lab;

import org.mfaharness.lab.config.Directory;

/**
 * A lab user as clients and scenarios see it: where it signs in and the secrets a sign-in driver needs.
 * {@link #toString()} never shows the secrets.
 *
 * @param upn          the user principal name
 * @param password     the password
 * @param totpSeed     the Base32 TOTP seed (Entra's own MFA, the IdP's second factor and the EAM provider use it)
 * @param tenantId     the home tenant id
 * @param objectId     the object id ({@code oid})
 * @param immutableId  the on-premises anchor (federated users), or null
 * @param protocol     {@code managed}, {@code managed+eam}, {@code wsfed} or {@code saml2}
 * @param mfaBehavior  the domain's effective federatedIdpMfaBehavior (federated users), or null
 * @param idpIssuer    the IdP issuer of the user's domain (federated users), or null
 * @param eamProvider  the EAM provider id, or null
 * @param scenario     which matrix scenario the user is for (free text), or null
 */
public record LabUser(String upn, String password, String totpSeed, String tenantId, String objectId,
                      String immutableId, String protocol, String mfaBehavior, String idpIssuer, String eamProvider,
                      String scenario) {

    static LabUser of(Directory.UserInfo u) {
        Directory.DomainInfo d = u.domain();
        return new LabUser(u.upn(), u.password(), u.totpSeed(), u.tenantId(), u.objectId(), u.immutableId(),
                d.protocol().id, d.mfaBehavior() == null ? null : d.mfaBehavior().id, d.issuerUri(), u.eamProvider(),
                u.scenario());
    }

    @Override
    public String toString() {
        return "LabUser[" + upn + ", " + protocol + ", secrets redacted]";
    }
}
