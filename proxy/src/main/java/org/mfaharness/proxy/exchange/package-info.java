/**
 * What the proxy saw: immutable {@link org.mfaharness.proxy.exchange.Exchange} records (request and response with
 * ordered headers, bounded body captures, HAR-compatible timings, TLS details and upstream errors), the
 * {@link org.mfaharness.proxy.exchange.ExchangeListener} they are delivered to, and helpers to read bodies as text
 * and to decode {@code application/x-www-form-urlencoded} (WHATWG URL standard, section 5).
 */
package org.mfaharness.proxy.exchange;
