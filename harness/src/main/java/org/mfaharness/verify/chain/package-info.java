/**
 * A capture as a whole (spec, "A capture as a whole" and (d) 7–8): artifacts judged in the order they passed, with
 * the requests before them as context; the decisive Entra token; who satisfied MFA; refresh tokens minted without
 * MFA; the first hop that lost the claim; and the chain verdict over the hops that bear on the final decision.
 */
package org.mfaharness.verify.chain;
