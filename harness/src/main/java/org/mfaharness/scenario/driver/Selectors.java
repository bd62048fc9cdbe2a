package org.mfaharness.scenario.driver;

import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.openqa.selenium.By;

/**
 * Selectors of declarative steps: CSS by default; {@code id:}, {@code name:}, {@code xpath:} and {@code css:}
 * prefixes. XPath expressions are syntax-checked when a step is parsed.
 */
public final class Selectors {
    private Selectors() {
    }

    /** The Selenium locator of {@code selector}; throws {@link IllegalArgumentException} for an empty or bad one. */
    public static By by(String selector) {
        if (selector == null || selector.isBlank()) {
            throw new IllegalArgumentException("the selector is empty");
        }
        String s = selector.strip();
        if (s.startsWith("id:")) {
            return By.id(nonEmpty(s.substring(3), selector));
        }
        if (s.startsWith("name:")) {
            return By.name(nonEmpty(s.substring(5), selector));
        }
        if (s.startsWith("css:")) {
            return By.cssSelector(nonEmpty(s.substring(4), selector));
        }
        if (s.startsWith("xpath:")) {
            String x = nonEmpty(s.substring(6), selector);
            try {
                XPathFactory.newInstance().newXPath().compile(x);
            } catch (XPathExpressionException e) {
                throw new IllegalArgumentException("'" + selector + "' is not a valid XPath expression");
            }
            return By.xpath(x);
        }
        return By.cssSelector(s);
    }

    private static String nonEmpty(String rest, String selector) {
        if (rest.isBlank()) {
            throw new IllegalArgumentException("'" + selector + "' has a prefix but no selector");
        }
        return rest.strip();
    }
}
