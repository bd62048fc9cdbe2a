package org.mfaharness.scenario.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class BrowserFactoryTest {

    @Test
    void everyChromiumCarriesTheLoopbackOnlyResolverRuleAndNoBackgroundNetworking() {
        var options = BrowserFactory.chromeOptions(BrowserFactory.Options.chromium()
                .withProxy(new InetSocketAddress("127.0.0.1", 8888)), Path.of("/tmp/profile"));
        @SuppressWarnings("unchecked")
        var args = (java.util.List<String>) ((java.util.Map<String, Object>) options.asMap()
                .get("goog:chromeOptions")).get("args");
        assertThat(args).contains(
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
                "--disable-background-networking", "--headless=new", "--user-data-dir=/tmp/profile",
                "--proxy-server=http://127.0.0.1:8888", "--proxy-bypass-list=<-loopback>");
    }

    @Test
    void headlessChromiumOpensALoopbackPageAndRemovesItsProfileOnClose() {
        assumeTrue(BrowserFactory.chromiumInstalled(), "Chromium is installed by .ci/run");
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(ex -> {
                    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html");
                    ex.getResponseSender().send("<html><body><p id='x'>hello from loopback</p></body></html>");
                }).build();
        server.start();
        try {
            int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
            Path profile;
            try (Browser b = BrowserFactory.open(BrowserFactory.Options.chromium())) {
                b.driver().get("http://127.0.0.1:" + port + "/");
                assertThat(b.driver().findElement(By.id("x")).getText()).isEqualTo("hello from loopback");
                profile = b.userDataDir().orElseThrow();
                assertThat(profile).isDirectory();
            }
            assertThat(Files.exists(profile)).isFalse();
        } finally {
            server.stop();
        }
    }
}
