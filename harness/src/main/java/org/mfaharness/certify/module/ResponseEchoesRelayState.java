package org.mfaharness.certify.module;

/** SAML 2.0: {@code RelayState} comes back unchanged. */
public final class ResponseEchoesRelayState extends ContextEchoed {
    public ResponseEchoesRelayState() {
        super(Fed.SAML2);
    }

    @Override
    public String displayName() {
        return "RelayState is returned unchanged";
    }
}
