/**
 * The certification's run folder: certificate.html (Mustache, self-contained, every value escaped), junit.xml with
 * one testcase per module, and the certification JSON, next to the reports issue's result.json, index.html,
 * capture.har and evidence.zip.
 */
package org.mfaharness.certify.report;
