/**
 * The certification plans — {@code wsfed}, {@code saml2}, {@code eam} — as plain classes listing their modules with
 * the severity each gets (FAIL for documented requirements, WARN for best practice). A plan's version changes when
 * a module is added, removed or changes severity.
 */
package org.mfaharness.certify.plan;
