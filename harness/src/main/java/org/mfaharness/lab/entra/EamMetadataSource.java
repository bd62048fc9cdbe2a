package org.mfaharness.lab.entra;

import java.util.Optional;

/**
 * How lab Entra obtains an EAM provider's discovery document and JWKS. Real Entra fetches them over HTTPS and caches
 * them for 24 h; in the lab the provider runs in the same process, so the lab hands the documents over directly
 * (the same bytes the provider serves) and nothing is fetched at all.
 */
public interface EamMetadataSource {
    /** The discovery document served at {@code url}, if any. */
    Optional<String> fetch(String url);
}
