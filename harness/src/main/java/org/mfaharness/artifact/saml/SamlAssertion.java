package org.mfaharness.artifact.saml;

import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** What SAML 1.1 and 2.0 assertions have in common. */
public sealed interface SamlAssertion permits Saml11Assertion, Saml2Assertion {
    /** The assertion element itself: signatures are verified on it and claims read from it. */
    Element element();

    /** The name of its ID attribute: {@code AssertionID} (1.1) or {@code ID} (2.0). */
    String idAttribute();

    /** The ID value, or null when absent. */
    String id();

    /** The issuer. */
    String issuer();

    /** IssueInstant as written. */
    String issueInstant();

    /** The Conditions, when present. */
    Optional<SamlConditions> conditions();

    /** Every attribute of every AttributeStatement. */
    List<SamlAttribute> attributes();

    /** Whether a ds:Signature is a direct child of the assertion. */
    boolean signed();

    /** The assertion's path in its document, e.g. {@code RequestSecurityTokenResponse/RequestedSecurityToken/Assertion}. */
    String path();

    /** 1.1 or 2.0. */
    String samlVersion();
}
