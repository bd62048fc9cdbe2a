package org.mfaharness.proxy.har;

import java.nio.file.Path;
import org.mfaharness.proxy.InterceptingProxy;
import org.mfaharness.proxy.ca.CaOptions;
import org.mfaharness.proxy.ca.CertificateAuthority;
import org.mfaharness.proxy.support.TestUpstream;

/**
 * Child-JVM entry point for the kill tests: an upstream (echo; {@code /slow} never answers) and a proxy writing a HAR
 * with its shutdown hook on. Prints {@code READY proxyPort upstreamPort}. Not a test.
 */
public final class HarProxyMain {
    private HarProxyMain() {
    }

    public static void main(String[] args) throws Exception {
        CertificateAuthority ca = CertificateAuthority.generate(CaOptions.forRun());
        TestUpstream upstream = TestUpstream.https(ca.serverSslContext("localhost"), ex -> {
            if (ex.getRequestPath().equals("/slow")) {
                Thread.sleep(60_000);
            }
            TestUpstream.echo(ex);
        });
        InterceptingProxy proxy = InterceptingProxy.builder().certificateAuthority(ca).upstreamCa(ca.certificate())
                .harFile(Path.of(args[0])).caDir(Path.of(args[1])).build();
        int port = proxy.start().getPort();
        System.out.println("READY " + port + " " + upstream.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
