package org.mfaharness.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.proxy.ca.CertificateAuthority;
import org.mfaharness.proxy.ca.Pem;
import org.mfaharness.proxy.har.HarReader;
import org.mfaharness.proxy.support.ProxyFixture;
import org.mfaharness.proxy.support.ProxyFixture.Recorder;
import org.mfaharness.proxy.support.RawUpstream;

class ProxyLifecycleTest {

    @Test
    void aPortAlreadyInUseIsAOneLineIoError() throws Exception {
        try (InterceptingProxy first = ProxyFixture.proxy().build()) {
            int port = first.start().getPort();
            InterceptingProxy second = ProxyFixture.proxy().port(port).build();
            assertThatThrownBy(second::start).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port + ": ");
            second.close();
        }
    }

    @Test
    void harInANewDirectoryIsCreatedWithItsParents(@TempDir Path tmp) throws Exception {
        Path har = tmp.resolve("runs/2026-12-01/capture.har");
        try (InterceptingProxy proxy = ProxyFixture.proxy().harFile(har).build()) {
            proxy.start();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(har))).isEqualTo("rw-------");
        assertThat(HarReader.readAll(har).problem()).isEmpty();
    }

    @Test
    void persistentCaSurvivesARestartAndItsKeyIsOwnerOnly(@TempDir Path tmp) throws Exception {
        Path caDir = tmp.resolve("ca");
        String firstPem;
        try (InterceptingProxy proxy = InterceptingProxy.builder().caDir(caDir).persistCa(true).shutdownHook(false)
                .build()) {
            proxy.start();
            firstPem = proxy.certificateAuthority().certificatePem();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                caDir.resolve(CertificateAuthority.KEY_FILE)))).isEqualTo("rw-------");
        try (InterceptingProxy proxy = InterceptingProxy.builder().caDir(caDir).persistCa(true).shutdownHook(false)
                .build()) {
            proxy.start();
            assertThat(proxy.certificateAuthority().certificatePem()).isEqualTo(firstPem);
            assertThat(Pem.readCertificates(caDir.resolve("ca.pem")).get(0))
                    .isEqualTo(proxy.certificateAuthority().certificate());
        }
    }

    @Test
    void withoutPersistCaTheKeyNeverReachesTheCaDirectory(@TempDir Path tmp) throws Exception {
        try (InterceptingProxy proxy = InterceptingProxy.builder().caDir(tmp).shutdownHook(false).build()) {
            proxy.start();
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ca.pem");
        }
    }

    @Test
    void closeWithARequestInFlightReturnsPromptlyAndLeavesAValidHar(@TempDir Path tmp) throws Exception {
        Path har = tmp.resolve("c.har");
        try (RawUpstream slow = new RawUpstream(s -> {
                while (true) {
                    String head = RawUpstream.readHead(s.getInputStream());
                    if (head.isEmpty() || head.startsWith("GET /slow")) {
                        Thread.sleep(30_000);
                        return;
                    }
                    RawUpstream.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                }
             })) {
            InterceptingProxy proxy = ProxyFixture.proxy().harFile(har).build();
            InetSocketAddress at = proxy.start();
            HttpClient client = ProxyFixture.client(at);
            client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + slow.port() + "/fast")).build(),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + slow.port() + "/slow")).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            long t0 = System.nanoTime();
            proxy.close();
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
            assertThat(HarReader.readAll(har).entries()).extracting(e -> e.url())
                    .contains("http://localhost:" + slow.port() + "/fast");
            inFlight.cancel(true);
        }
    }

    @Test
    void aPooledConnectionTheUpstreamClosedIsRetriedOnAFreshOne() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        Recorder rec = new Recorder();
        // Answers one request per connection, then closes without saying "Connection: close".
        try (RawUpstream oneShot = new RawUpstream(s -> {
                connections.incrementAndGet();
                RawUpstream.readHead(s.getInputStream());
                RawUpstream.write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
                Thread.sleep(50);
             });
             InterceptingProxy proxy = ProxyFixture.proxy().listener(rec).build()) {
            InetSocketAddress at = proxy.start();
            HttpClient client = ProxyFixture.client(at);
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + oneShot.port() + "/" + i)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("ok");
                Thread.sleep(150);
            }
            assertThat(rec.all(proxy, 3)).allSatisfy(e -> assertThat(e.error()).isNull());
            assertThat(connections.get()).isEqualTo(3);
        }
    }
}
