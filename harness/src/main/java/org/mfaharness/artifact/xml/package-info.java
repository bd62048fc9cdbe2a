/**
 * Hardened XML: namespace-aware parsing with DOCTYPE refused (no XXE, no entity expansion), size and depth limits,
 * and DOM helpers that read whole text content (comments never split a value: the CVE-2017-11427 class).
 */
package org.mfaharness.artifact.xml;
