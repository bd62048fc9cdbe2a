/**
 * The harness as Entra: the stand-in Entra endpoints on loopback (login.srf, the EAM redirect URI, an Entra-like
 * discovery document and JWKS signed with the harness's own key), the proxy's host map that sends the cloud's
 * sign-in host to them, the sign-ins each plan drives in a real browser, metadata loading, and the judging of what
 * was captured. Nothing listens on a non-loopback address unless asked with {@code allowRemote}.
 */
package org.mfaharness.certify.run;
