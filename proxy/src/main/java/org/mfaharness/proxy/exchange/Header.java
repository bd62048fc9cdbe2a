package org.mfaharness.proxy.exchange;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One header line, name as sent. */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The first value of {@code name} (case-insensitive) in {@code headers}. */
    public static Optional<String> first(List<Header> headers, String name) {
        for (Header h : headers) {
            if (h.name.equalsIgnoreCase(name)) {
                return Optional.of(h.value);
            }
        }
        return Optional.empty();
    }

    /** Every value of {@code name} (case-insensitive), in order. */
    public static List<String> all(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name.equalsIgnoreCase(name)).map(Header::value).toList();
    }
}
