package org.mfaharness.artifact.saml;

import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A SAML 1.1 assertion, as AD FS issues it for WS-Federation.
 *
 * @param authenticationStatements every AuthenticationStatement
 * @param nameIdentifier           the Subject's NameIdentifier (the ImmutableID for Entra), or null
 * @param nameIdentifierFormat     its Format, or null
 */
public record Saml11Assertion(
        Element element,
        String id,
        String issuer,
        String issueInstant,
        Optional<SamlConditions> conditions,
        List<AuthenticationStatement> authenticationStatements,
        List<SamlAttribute> attributes,
        String nameIdentifier,
        String nameIdentifierFormat,
        boolean signed,
        String path) implements SamlAssertion {

    /**
     * One AuthenticationStatement.
     *
     * @param method  AuthenticationMethod as written (null when absent)
     * @param instant AuthenticationInstant as written
     * @param path    the statement's path
     */
    public record AuthenticationStatement(String method, String instant, String path) {
    }

    public Saml11Assertion {
        authenticationStatements = List.copyOf(authenticationStatements);
        attributes = List.copyOf(attributes);
    }

    @Override
    public String idAttribute() {
        return "AssertionID";
    }

    @Override
    public String samlVersion() {
        return "1.1";
    }
}
