package org.mfaharness.certify.module;

/** WS-Fed: {@code wctx} comes back unchanged. */
public final class ResponseEchoesWctx extends ContextEchoed {
    public ResponseEchoesWctx() {
        super(Fed.WSFED);
    }

    @Override
    public String displayName() {
        return "wctx is returned unchanged";
    }
}
