/**
 * TLS for the lab's servers: the {@link org.mfaharness.lab.tls.LabTls} interface the parties use, and its
 * BouncyCastle implementation (one CA, one EC leaf key for every lab name). Isolated here so the proxy module's CA
 * can be swapped in.
 */
package org.mfaharness.lab.tls;
