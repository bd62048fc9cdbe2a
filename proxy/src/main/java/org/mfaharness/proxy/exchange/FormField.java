package org.mfaharness.proxy.exchange;

/** One decoded name/value pair of a form body or query string. */
public record FormField(String name, String value) {
}
