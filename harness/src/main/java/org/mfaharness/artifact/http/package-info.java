/** HTTP message bodies as artifacts are carried in them: URL-encoded forms and query strings. */
package org.mfaharness.artifact.http;
