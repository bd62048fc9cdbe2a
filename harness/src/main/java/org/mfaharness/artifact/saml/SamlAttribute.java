package org.mfaharness.artifact.saml;

import java.util.List;

/**
 * One SAML attribute. SAML 1.1: {@code AttributeName} + {@code AttributeNamespace}; SAML 2.0: {@code Name} +
 * {@code NameFormat}. Values are whole text content (comments do not split them), not yet whitespace-collapsed.
 *
 * @param name      AttributeName (1.1) or Name (2.0)
 * @param namespace AttributeNamespace (1.1) or NameFormat (2.0); null when absent
 * @param values    the AttributeValue texts, in order
 * @param path      where the attribute element is, e.g. {@code Assertion/AttributeStatement/Attribute[2]}
 */
public record SamlAttribute(String name, String namespace, List<String> values, String path) {
    public SamlAttribute {
        values = List.copyOf(values);
    }
}
