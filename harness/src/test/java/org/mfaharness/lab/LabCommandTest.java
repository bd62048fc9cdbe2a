package org.mfaharness.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfaharness.cli.Main;
import picocli.CommandLine;

/** {@code mfa-harness lab}: help, usage errors, configuration errors, and {@code --serve} until stopped. */
class LabCommandTest {

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void helpTeachesTheServeModeAndExitsZero() {
        Result r = run("lab", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--serve").contains("--config=FILE").contains("--direct").contains("Examples:");
    }

    @Test
    void misusedOptionsAreUsageErrors() {
        assertThat(run("lab", "--direct").exit()).as("--direct without --serve").isEqualTo(64);
        assertThat(run("lab", "--parallel", "0").exit()).isEqualTo(64);
        assertThat(run("lab", "--scenario", "no-such-scenario", "--scenarios", "../scenarios/lab").err())
                .contains("no scenario 'no-such-scenario'").contains("wsfed-claim-enforce");
        Result r = run("lab", "--serve", "--nope");
        assertThat(r.exit()).isEqualTo(64);
        assertThat(r.err()).contains("Unknown option");
    }

    @Test
    void aMissingOrInvalidConfigurationIsReportedInOneLine(@TempDir Path tmp) throws Exception {
        Result missing = run("lab", "--serve", "--config", tmp.resolve("none.yaml").toString());
        assertThat(missing.exit()).isEqualTo(66);
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "tenants:\n  - id: x\n    colour: blue\n");
        Result invalid = run("lab", "--serve", "--config", bad.toString());
        assertThat(invalid.exit()).isEqualTo(64);
        assertThat(invalid.err()).contains("unknown key 'colour'").doesNotContain("Exception");
    }

    @Test
    void serveRunsTheLabPrintsHowToReachItAndStopsWhenInterrupted() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(cl.execute("lab", "--serve", "--direct")));
        t.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!err.toString().contains("ready.") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        String text = err.toString();
        assertThat(text).contains("mfa-harness lab: started in").contains("Host map").contains("CA certificate:")
                .contains("user@wsfed-claim-enforce.lab.test").contains("totp ");
        Matcher login = Pattern.compile("Entra \\(login\\)\\s+(https://localhost:\\d+)").matcher(text);
        assertThat(login.find()).isTrue();
        Matcher ca = Pattern.compile("CA certificate: (\\S+)").matcher(text);
        assertThat(ca.find()).isTrue();
        HttpClient http = HttpClient.newBuilder().sslContext(trusting(Path.of(ca.group(1)))).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(login.group(1)
                + "/organizations/v2.0/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);

        t.interrupt();
        t.join(10_000);
        assertThat(exit.get()).isZero();
        assertThat(err.toString()).contains("mfa-harness lab: stopped in");
    }

    static SSLContext trusting(Path caPem) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (var in = Files.newInputStream(caPem)) {
            ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, tmf.getTrustManagers(), null);
        return c;
    }
}
