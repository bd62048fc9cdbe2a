/**
 * Cloud profiles as data: the authority hosts, token issuers, WS-Federation and EAM endpoints, and the Partner
 * Center and Graph resources of each Entra cloud instance (public, US Government, China) and of the embedded lab.
 * Verification never hard-codes a host name: it asks the profile.
 */
package org.mfaharness.cloud;
