/**
 * HAR 1.2 (W3C Web Performance draft "HTTP Archive (HAR) format"): a writer that keeps the file a complete, valid
 * HAR after every entry (append over the closing trailer, one positional write per batch, mode 0600), and a streaming
 * reader that yields entries one by one as {@link org.mfaharness.proxy.exchange.Exchange}s — from this writer or
 * from Chrome, Edge and Firefox exports — and reports a truncated file instead of failing.
 */
package org.mfaharness.proxy.har;
