package org.mfaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Undertow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mfaharness.proxy.har.HarReader;
import org.mfaharness.testing.Tokens;

/**
 * {@code mfa-harness proxy} as a support engineer runs it, through the launcher: a client's Bearer token passes, one
 * line is printed for it with its verdict, and on exit — by --duration or SIGTERM — the run folder holds the HAR and
 * result.json.
 */
class ProxyCommandIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static Undertow upstream;
    static int upstreamPort;

    @BeforeAll
    static void startUpstream() {
        upstream = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(ex -> ex.getResponseSender().send("{\"items\":[]}")).build();
        upstream.start();
        upstreamPort = ((InetSocketAddress) upstream.getListenerInfo().get(0).getAddress()).getPort();
    }

    @AfterAll
    static void stop() {
        upstream.stop();
    }

    record Started(Process process, int port, BufferedReader err) {
    }

    static Started start(Path out, String... extra) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(ROOT.resolve("mfa-harness").toString(), "proxy", "--port", "0",
                "--out", out.toString(), "--ca-dir", out.resolve("ca").toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectOutput(out.resolve("stdout.txt").toFile()).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
        String line;
        while ((line = err.readLine()) != null) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                return new Started(p, Integer.parseInt(m.group(1)), err);
            }
        }
        throw new AssertionError("the proxy did not start");
    }

    static void sendToken(int proxyPort, String token) throws Exception {
        HttpClient c = HttpClient.newBuilder().proxy(java.net.ProxySelector.of(new InetSocketAddress("127.0.0.1", proxyPort))).build();
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("http://localhost:" + upstreamPort + "/v1/customers"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    static JsonNode result(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            Path dir = s.filter(p -> p.getFileName().toString().endsWith("-proxy")).findFirst().orElseThrow();
            assertThat(HarReader.readAll(dir.resolve("capture.har")).entries()).isNotEmpty();
            return new ObjectMapper().readTree(dir.resolve("result.json").toFile());
        }
    }

    @Test
    void aTokenPassingThroughIsJudgedLiveAndTheRunFolderIsWrittenWhenTheDurationEnds() throws Exception {
        Path out = Files.createTempDirectory(ROOT.resolve("harness/target"), "it-proxy");
        Started s = start(out, "--duration", "6");
        sendToken(s.port(), Tokens.entra(Tokens.partnerCenterAccessToken(List.of("pwd"))));
        assertThat(s.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(s.process().exitValue()).as("the verdict: FAIL").isEqualTo(1);
        assertThat(Files.readString(out.resolve("stdout.txt"))).contains("entra-token").contains("FAIL").contains("ENTRA_AMR_NO_MFA");
        JsonNode r = result(out);
        assertThat(r.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(r.get("artifacts").get(0).get("field").asText()).isEqualTo("Authorization");
    }

    @Test
    void sigtermStopsTheProxyCleanlyAndStillWritesTheRunFolder() throws Exception {
        Path out = Files.createTempDirectory(ROOT.resolve("harness/target"), "it-proxy");
        Started s = start(out);
        sendToken(s.port(), Tokens.entra(Tokens.partnerCenterAccessToken(List.of("fed", "mfa"))));
        Thread.sleep(500);
        new ProcessBuilder("kill", "-TERM", String.valueOf(s.process().pid())).start().waitFor();
        assertThat(s.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        JsonNode r = result(out);
        assertThat(r.get("mfa").asText()).isEqualTo("PRESENT");
        assertThat(r.get("run").get("mode").asText()).isEqualTo("proxy");
    }
}
