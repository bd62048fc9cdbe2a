package org.mfaharness.certify;

import java.time.Instant;
import java.util.Map;

/**
 * A form the browser POSTed to the harness's stand-in Entra endpoints (login.srf, the EAM redirect URI): what the
 * IdP or provider delivered, as the relying party received it.
 *
 * @param path   the request path
 * @param fields the form fields (first value of each)
 * @param at     when it arrived
 */
public record Delivery(String path, Map<String, String> fields, Instant at) {
    public Delivery {
        fields = Map.copyOf(fields);
    }

    public String field(String name) {
        return fields.get(name);
    }
}
