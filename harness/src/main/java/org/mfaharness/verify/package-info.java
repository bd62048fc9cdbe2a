/**
 * The verdict engine: one rule per check class, findings with evidence, per-artifact verdicts and MFA readings,
 * and the chain verdict with MFA attribution. Nothing here knows where an artifact came from: a live run, a HAR
 * file and a pasted token are judged by the same code.
 *
 * <p>Sub-packages follow the artifact families: {@code xmldsig} (the XML-DSig profile), {@code trust} (PEM,
 * metadata, JWKS), {@code wsfed}, {@code saml2}, {@code jwt} (JOSE hygiene and Entra tokens), {@code eam},
 * {@code error} (AADSTS and Partner Center), {@code chain} (a capture as a whole). The rules and their sources are in
 * {@code ../shared/spec/mfa-claims.md}; every reason code is in {@code docs/reason-codes.md}.
 */
package org.mfaharness.verify;
