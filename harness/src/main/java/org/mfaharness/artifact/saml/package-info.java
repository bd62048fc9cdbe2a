/**
 * SAML 1.1 and SAML 2.0 assertions as immutable models read from the DOM, each value with the path it was read
 * from, so that findings can point at the exact element. The DOM element is kept: signatures are verified on it,
 * and the claims judged are read from that very node.
 */
package org.mfaharness.artifact.saml;
