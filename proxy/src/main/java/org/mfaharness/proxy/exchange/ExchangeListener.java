package org.mfaharness.proxy.exchange;

/**
 * Receives each exchange once it completes. Called on the proxy's delivery thread (never an I/O or request thread),
 * one exchange at a time in completion order; a slow listener delays other listeners but never the proxy. A listener
 * that throws is logged and keeps receiving.
 */
@FunctionalInterface
public interface ExchangeListener {
    void onExchange(Exchange exchange);
}
