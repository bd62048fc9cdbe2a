package org.mfaharness.proxy.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mfaharness.proxy.InterceptingProxy;
import org.mfaharness.proxy.ca.CaOptions;
import org.mfaharness.proxy.ca.CertificateAuthority;
import org.mfaharness.proxy.exchange.Exchange;

/** Shared test helpers: a lab CA, recorded exchanges, a JDK client through the proxy. */
public final class ProxyFixture {
    private ProxyFixture() {
    }

    /** One CA per test JVM: upstream servers and the proxy share it (like the lab). */
    public static final CertificateAuthority LAB_CA = CertificateAuthority.generate(CaOptions.forRun());

    /** Collects exchanges delivered to a listener. */
    public static final class Recorder implements org.mfaharness.proxy.exchange.ExchangeListener {
        public final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

        @Override
        public void onExchange(Exchange e) {
            exchanges.add(e);
        }

        /** Waits (bounded) until {@code n} exchanges have been delivered. */
        public List<Exchange> await(int n) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (exchanges.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return List.copyOf(exchanges);
        }

        public Exchange only(InterceptingProxy proxy) throws IOException {
            try {
                await(1);
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            proxy.flush(Duration.ofSeconds(10));
            if (exchanges.size() != 1) {
                throw new AssertionError("expected one exchange, got " + exchanges);
            }
            return exchanges.get(0);
        }

        public List<Exchange> all(InterceptingProxy proxy, int expected) throws IOException {
            try {
                await(expected);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            proxy.flush(Duration.ofSeconds(10));
            return List.copyOf(exchanges);
        }
    }

    public static InterceptingProxy.Builder proxy() {
        return InterceptingProxy.builder().certificateAuthority(LAB_CA).upstreamCa(LAB_CA.certificate())
                .shutdownHook(false);
    }

    /** A JDK client through the proxy trusting the lab CA (which also signs the proxy's leaves). */
    public static HttpClient client(InetSocketAddress proxy) {
        return HttpClient.newBuilder()
                .proxy(ProxySelector.of(proxy))
                .sslContext(LAB_CA.clientSslContext())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static String proxyUrl(InetSocketAddress a) {
        return "http://127.0.0.1:" + a.getPort();
    }

    public static Path tempFile(Path dir, String name) {
        return dir.resolve(name);
    }
}
