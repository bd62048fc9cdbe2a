package org.mfaharness.proxy.server;

import org.mfaharness.proxy.exchange.Exchange;

/** Where completed exchanges go; must not block (the proxy calls it on request threads). */
@FunctionalInterface
public interface ExchangeSink {
    void accept(Exchange exchange);
}
