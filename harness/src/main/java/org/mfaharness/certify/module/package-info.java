/**
 * The modules, one assertion each, named for what they assert. Most map reason codes of the verdict engine on the
 * artifacts a run captured ({@link org.mfaharness.certify.module.FindingsModule}); a few are certify-only rules on
 * facts the engine has no rule for (metadata endpoints and keys, sign-in completion, echoed wctx / RelayState, fresh
 * authentication, UPN / ImmutableID), whose findings carry {@link org.mfaharness.certify.CertifyCode}s. Stateless and thread-safe.
 */
package org.mfaharness.certify.module;
