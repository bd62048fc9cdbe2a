/**
 * HTTP and XML plumbing shared by the lab's parties: strict request parsing, escaped HTML pages and auto-posting
 * forms, DOCTYPE-refusing XML parsing, TOTP verification with a per-party replay cache, and the handler base that
 * never lets a stack trace reach a client.
 */
package org.mfaharness.lab.web;
