package org.mfaharness.certify;

import org.mfaharness.verify.Finding;

/**
 * A finding of the verdict engine (or of a certify-only rule) with the sign-in it was made in.
 *
 * @param leg     the sign-in's label (e.g. {@code step-up}), or {@code metadata} for static checks
 * @param finding the finding
 */
public record LegFinding(String leg, Finding finding) {
}
