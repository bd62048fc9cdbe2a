package org.mfaharness.artifact.saml;

import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A SAML 2.0 assertion.
 *
 * @param nameId               the Subject's NameID value, or null
 * @param nameIdFormat         its Format, or null
 * @param nameIdPath           where the NameID is
 * @param subjectConfirmations every SubjectConfirmation with its data
 * @param authnStatements      every AuthnStatement
 */
public record Saml2Assertion(
        Element element,
        String id,
        String issuer,
        String issueInstant,
        String nameId,
        String nameIdFormat,
        String nameIdPath,
        List<SubjectConfirmation> subjectConfirmations,
        Optional<SamlConditions> conditions,
        List<AuthnStatement> authnStatements,
        List<SamlAttribute> attributes,
        boolean signed,
        String path) implements SamlAssertion {

    /**
     * A SubjectConfirmation and its SubjectConfirmationData.
     *
     * @param method       the confirmation method (bearer for Entra)
     * @param recipient    SubjectConfirmationData@Recipient, or null
     * @param inResponseTo SubjectConfirmationData@InResponseTo, or null
     * @param notOnOrAfter SubjectConfirmationData@NotOnOrAfter, or null
     * @param path         the SubjectConfirmationData's path (or the SubjectConfirmation's when there is no data)
     */
    public record SubjectConfirmation(String method, String recipient, String inResponseTo, String notOnOrAfter,
                                      String path) {
    }

    /**
     * An AuthnStatement.
     *
     * @param authnInstant AuthnInstant as written
     * @param classRefs    every AuthnContextClassRef text (whole text, not collapsed)
     * @param path         the statement's path
     */
    public record AuthnStatement(String authnInstant, List<String> classRefs, String path) {
        public AuthnStatement {
            classRefs = List.copyOf(classRefs);
        }
    }

    public Saml2Assertion {
        subjectConfirmations = List.copyOf(subjectConfirmations);
        authnStatements = List.copyOf(authnStatements);
        attributes = List.copyOf(attributes);
    }

    @Override
    public String idAttribute() {
        return "ID";
    }

    @Override
    public String samlVersion() {
        return "2.0";
    }
}
