/**
 * Renderers: judgements as JSON (the machine-readable truth) and as text for people (verdict first, one line per
 * finding, the decoded artifact with the decisive element marked, signatures and tokens shortened). Renderers never
 * judge; they show what {@code org.mfaharness.verify} decided.
 */
package org.mfaharness.report;
