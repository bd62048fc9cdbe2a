/**
 * {@code mfa-harness certify}: conformance test plans run against a vendor's federated IdP (WS-Federation,
 * SAML 2.0) or External Authentication Method provider, with the harness playing Entra ID's side of the protocol,
 * and a certification report. In the OpenID conformance suite's style: a plan is a plain class listing modules
 * with the severity it gives each; a module is named for what it asserts, carries its requirement ids and source
 * links, and maps the findings of the existing verdict engine ({@code org.mfaharness.verify}) on the artifacts the
 * run captured to its requirement — it never re-implements a rule the engine has.
 *
 * <ul>
 *   <li>{@code plan} — the plans ({@code wsfed}, {@code saml2}, {@code eam});</li>
 *   <li>{@code module} — the modules;</li>
 *   <li>{@code run} — the harness as Entra: the stand-in Entra endpoints on loopback, the sign-ins it drives through
 *       the proxy in a real browser, metadata loading;</li>
 *   <li>{@code report} — certificate.html, junit.xml (one testcase per module), the certification JSON;</li>
 *   <li>{@code lab} — the plans' acceptance test against the embedded lab's planted faults.</li>
 * </ul>
 */
package org.mfaharness.certify;
