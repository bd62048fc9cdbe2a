package org.mfaharness.certify.module;

import java.net.URI;
import java.util.List;
import org.mfaharness.certify.CertificationEvidence;
import org.mfaharness.certify.CertifyCode;
import org.mfaharness.certify.ModuleVerdict;
import org.mfaharness.certify.Requirement;
import org.mfaharness.certify.Requirements;
import org.mfaharness.certify.TestModule;
import org.mfaharness.verify.Evidence;

/**
 * The metadata names the https endpoint Entra sends the user to: WS-Fed's PassiveRequestorEndpoint, or SAML 2.0's
 * HTTP-Redirect SingleSignOnService. Certify-only rule. Subclassed once per protocol for the module's name.
 */
abstract class MetadataNamesEndpoint implements TestModule {
    private final Fed fed;

    MetadataNamesEndpoint(Fed fed) {
        this.fed = fed;
    }

    private String element() {
        return fed == Fed.WSFED ? "RoleDescriptor[fed:SecurityTokenServiceType]/fed:PassiveRequestorEndpoint"
                : "IDPSSODescriptor/SingleSignOnService[@Binding=HTTP-Redirect]";
    }

    @Override
    public List<Requirement> requirements() {
        return List.of(fed == Fed.WSFED ? Requirements.META_PASSIVE_ENDPOINT : Requirements.META_SSO_ENDPOINT);
    }

    @Override
    public ModuleVerdict evaluate(CertificationEvidence e) {
        if (e.federation() == null) {
            return ModuleVerdict.notRun("No federation metadata was read.");
        }
        String url = fed == Fed.WSFED ? e.federation().passiveEndpoint() : e.federation().ssoRedirectEndpoint();
        String src = requirements().get(0).source();
        if (url == null) {
            var f = Local.fail("metadata", CertifyCode.CERT_META_NO_ENDPOINT, "The metadata has no " + element() + ".",
                    Evidence.expected(element(), null, "an https URL"), src);
            return ModuleVerdict.fail(f.finding().message(), List.of(f));
        }
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException ex) {
            u = null;
        }
        if (u == null || !"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
            var f = Local.fail("metadata", CertifyCode.CERT_META_ENDPOINT_NOT_HTTPS, "The metadata's " + element() + " is " + url
                    + ", not an https URL.", Evidence.expected(element(), url, "https://…"), src);
            return ModuleVerdict.fail(f.finding().message(), List.of(f));
        }
        var f = Local.pass("metadata", CertifyCode.CERT_META_ENDPOINT, "The metadata names " + url + ".", Evidence.at(element(), url), src);
        return ModuleVerdict.pass(f.finding().message(), List.of(f));
    }
}
