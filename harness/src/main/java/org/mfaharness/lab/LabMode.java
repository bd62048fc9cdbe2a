package org.mfaharness.lab;

/** How the lab's parties are addressed. */
public enum LabMode {
    /**
     * Every party has a lab host name ({@code login.lab.test}, {@code adfs.fabrikam.lab.test}, ...) and port-free
     * URLs; clients reach them through the proxy, which uses {@link Lab#hostMap()}.
     */
    NAMED,
    /** Every URL is {@code https://localhost:<port>}, reachable without any proxy (the lab's own tests). */
    DIRECT
}
