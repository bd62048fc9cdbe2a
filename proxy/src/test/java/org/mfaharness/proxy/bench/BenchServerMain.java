package org.mfaharness.proxy.bench;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mfaharness.proxy.InterceptingProxy;
import org.mfaharness.proxy.ca.CaOptions;
import org.mfaharness.proxy.ca.CertificateAuthority;

/**
 * The benchmark's server JVM: a loopback Undertow TLS upstream answering every POST with 4 KB, and the intercepting
 * proxy (HAR on) in front of it. Prints {@code READY proxyPort upstreamPort caPem}; on stdin, {@code gc} answers
 * {@code HEAP bytes} (heap used after a full GC) and {@code stats} answers {@code STATS upstreamConnections dropped}.
 */
public final class BenchServerMain {
    private BenchServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        CertificateAuthority ca = CertificateAuthority.generate(CaOptions.forRun());
        byte[] answer = BenchConnection.body(4096, 'r');
        ByteBuffer answerBuffer = ByteBuffer.allocateDirect(answer.length).put(answer).flip();
        Undertow upstream = Undertow.builder()
                .addHttpsListener(0, "127.0.0.1", ca.serverSslContext("localhost", "127.0.0.1"))
                .setIoThreads(2).setWorkerThreads(4)
                .setHandler(ex -> ex.getRequestReceiver().receiveFullBytes((e, data) -> {
                    e.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                    e.getResponseSender().send(answerBuffer.duplicate());
                }))
                .build();
        upstream.start();
        int upstreamPort = ((InetSocketAddress) upstream.getListenerInfo().get(0).getAddress()).getPort();
        boolean har = Boolean.parseBoolean(System.getProperty("bench.har", "true"));
        InterceptingProxy proxy = InterceptingProxy.builder()
                .certificateAuthority(ca).upstreamCa(ca.certificate())
                .harFile(har ? dir.resolve("bench.har") : null).caDir(dir.resolve("ca"))
                .workerThreads(Integer.parseInt(System.getProperty("bench.workers", "64")))
                .build();
        int proxyPort = proxy.start().getPort();
        System.out.println("READY " + proxyPort + " " + upstreamPort + " " + dir.resolve("ca/ca.pem"));
        System.out.flush();
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.trim()) {
                case "gc" -> {
                    proxy.flush(java.time.Duration.ofSeconds(60));
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                        Thread.sleep(100);
                    }
                    Path harFile = dir.resolve("bench.har");
                    System.out.println("HEAP " + mem.getHeapMemoryUsage().getUsed() + " HARBYTES "
                            + (Files.exists(harFile) ? Files.size(harFile) : 0));
                }
                case "stats" -> System.out.println("STATS " + proxy.upstreamConnectionsOpened() + " "
                        + proxy.droppedExchanges());
                case "quit" -> {
                    proxy.close();
                    upstream.stop();
                    System.out.println("BYE");
                    System.out.flush();
                    System.exit(0);
                }
                default -> System.out.println("? " + line);
            }
            System.out.flush();
        }
        proxy.close();
        upstream.stop();
    }
}
