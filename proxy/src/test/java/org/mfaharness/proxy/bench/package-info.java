/**
 * The proxy benchmark (not a test): {@code mvn -B -ntp -pl proxy -Pproxy-bench verify}; see {@code proxy/BENCH.md}.
 * Loopback only: the upstream, the proxy, mitmdump and the client all bind 127.0.0.1.
 */
package org.mfaharness.proxy.bench;
