/**
 * Scenarios: the sign-ins mfa-harness runs — scenario files (YAML or JSON), their validation, secret references,
 * expectations, and the runner that drives a browser through the proxy, acquires tokens with MSAL4J, and hands the
 * captured traffic to the verdict engine. Sub-packages: {@code browser} (the browser factory) and {@code driver}
 * (sign-in drivers).
 */
package org.mfaharness.scenario;
