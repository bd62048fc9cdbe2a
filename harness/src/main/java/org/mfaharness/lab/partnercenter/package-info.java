/**
 * The lab's Partner Center API (spec section 4): customers and the MFA-adoption endpoints, bearer tokens checked
 * against lab Entra's key, and 401 with error code 900421 when the token's {@code amr} lacks {@code mfa}; plus an
 * ARM-like customer-tenant resource for the AOBO flow.
 */
package org.mfaharness.lab.partnercenter;
