package org.mfaharness.lab;

import java.net.InetSocketAddress;
import java.util.Map;
import org.mfaharness.cloud.CloudProfile;
import org.mfaharness.lab.config.Directory;

/**
 * Where each party of a running lab answers: base URLs (scheme, host, optional port; no trailing slash) and, in
 * named mode, the host map {@code name -> 127.0.0.1:port}. Immutable.
 *
 * @param mode             named or direct
 * @param loginBase        lab Entra's sign-in base ({@code https://login.lab.test} or {@code https://localhost:P})
 * @param stsBase          the v1 issuer base ({@code https://sts.lab.test} or {@code https://127.0.0.1:P})
 * @param partnerCenterApi the lab Partner Center API base
 * @param eamBase          the EAM server base; provider {@code id} lives at {@code eamBase/id}
 * @param idpBases         IdP id to its base URL
 * @param hostMap          lab host name to loopback socket (every mode: in direct mode it maps the names too)
 */
public record LabAddresses(LabMode mode, String loginBase, String stsBase, String partnerCenterApi, String eamBase,
                           Map<String, String> idpBases, Map<String, InetSocketAddress> hostMap) {
    public LabAddresses {
        // Insertion order kept (Entra first), so printed host maps read the same on every start.
        idpBases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(idpBases));
        hostMap = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hostMap));
    }

    /** The cloud profile of this lab run: its issuers, login.srf, EAM redirect URI and Partner Center endpoints. */
    public CloudProfile cloud() {
        return CloudProfile.lab(loginBase, stsBase, Directory.PARTNER_CENTER_RESOURCE, partnerCenterApi);
    }

    /** Where federated IdPs POST (the WS-Fed {@code wreply} and the SAML 2.0 ACS / Recipient). */
    public String loginSrf() {
        return loginBase + "/login.srf";
    }

    /** Lab Entra's EAM {@code redirect_uri}. */
    public String eamRedirectUri() {
        return loginBase + "/common/federation/externalauthprovider";
    }

    /** The base URL of an IdP server. */
    public String idpBase(String idpId) {
        String b = idpBases.get(idpId);
        if (b == null) {
            throw new IllegalArgumentException("no IdP " + idpId);
        }
        return b;
    }

    /** The issuer (and base URL) of EAM provider {@code id}. */
    public String eamIssuer(String providerId) {
        return eamBase + "/" + providerId;
    }

    /** The discovery URL of EAM provider {@code id}. */
    public String eamDiscovery(String providerId) {
        return eamIssuer(providerId) + "/.well-known/openid-configuration";
    }
}
