/**
 * The plans' acceptance test: the embedded lab with one planted behaviour per federated domain and EAM provider, and
 * the expectation of which modules each behaviour fails.
 */
package org.mfaharness.certify.lab;
