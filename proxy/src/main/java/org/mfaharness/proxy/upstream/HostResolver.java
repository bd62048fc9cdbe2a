package org.mfaharness.proxy.upstream;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host name the policy has already allowed. Injectable so that tests can prove no lookup happens for a
 * refused name. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface HostResolver {
    /** The JDK's resolver ({@link InetAddress#getAllByName}). */
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
