package org.mfaharness.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.mfaharness.cloud.CloudProfile;

/**
 * Named and direct addressing: the host map, the cloud profile derived from the running mode, a request to a lab
 * host name over the mapped socket (what the proxy will do), the CA file, and start/stop releasing the ports.
 */
class LabAddressingAndLifecycleTest {

    @Test
    void namedModeUsesPortFreeLabNamesAndPublishesTheHostMap() throws Exception {
        try (Lab lab = Lab.builder().mode(LabMode.NAMED).start()) {
            CloudProfile cloud = lab.cloud();
            assertThat(cloud).as("named mode is the built-in lab profile").isEqualTo(CloudProfile.LAB);
            assertThat(lab.addresses().loginBase()).isEqualTo("https://login.lab.test");
            assertThat(cloud.v1Issuer("t")).isEqualTo("https://sts.lab.test/t/");
            assertThat(cloud.v2Issuer("t")).isEqualTo("https://login.lab.test/t/v2.0");
            assertThat(cloud.loginSrf()).isEqualTo(CloudProfile.LAB.loginSrf());
            assertThat(cloud.eamRedirectUri()).isEqualTo(CloudProfile.LAB.eamRedirectUri());
            assertThat(cloud.partnerCenterResource()).isEqualTo(CloudProfile.LAB.partnerCenterResource());
            assertThat(lab.addresses().idpBase("adfs")).isEqualTo("https://adfs.fabrikam.lab.test");
            assertThat(lab.hostMap()).containsKeys("login.lab.test", "sts.lab.test", "adfs.fabrikam.lab.test",
                    "idp.contoso.lab.test", "eam.lab.test", "api.partnercenter.lab.test", "management.lab.test");
            assertThat(lab.hostMap().values()).allSatisfy(a -> assertThat(a.getHostString()).isEqualTo("127.0.0.1"));

            // What the proxy does: connect to the mapped socket, TLS with SNI = the lab name, Host = the lab name.
            InetSocketAddress login = lab.hostMap().get("login.lab.test");
            String body = httpsGet(lab, login, "login.lab.test", "/organizations/v2.0/.well-known/openid-configuration");
            JsonNode d = Jwt.json(body);
            assertThat(d.path("issuer").asText()).isEqualTo("https://login.lab.test/{tenantid}/v2.0");
            assertThat(d.path("authorization_endpoint").asText())
                    .isEqualTo("https://login.lab.test/organizations/oauth2/v2.0/authorize");
            String adfs = httpsGet(lab, lab.hostMap().get("adfs.fabrikam.lab.test"), "adfs.fabrikam.lab.test", "/");
            assertThat(adfs).contains("Fabrikam AD FS");
        }
    }

    static String httpsGet(Lab lab, InetSocketAddress to, String host, String path) throws Exception {
        try (Socket raw = new Socket(to.getAddress(), to.getPort());
             SSLSocket s = (SSLSocket) lab.socketFactory().createSocket(raw, host, to.getPort(), true)) {
            SSLParameters p = s.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName(host)));
            p.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(p);
            s.startHandshake();
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String resp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(resp).startsWith("HTTP/1.1 200");
            return resp.substring(resp.indexOf("\r\n\r\n") + 4);
        }
    }

    @Test
    void directModeUsesLocalhostPortsAndTheCloudProfileFollowsThem() {
        try (Lab lab = Lab.builder().mode(LabMode.DIRECT).start()) {
            int port = lab.hostMap().get("login.lab.test").getPort();
            assertThat(lab.addresses().loginBase()).isEqualTo("https://localhost:" + port);
            assertThat(lab.cloud().v1Issuer("t")).isEqualTo("https://127.0.0.1:" + port + "/t/");
            assertThat(lab.cloud().isEntraIssuer("https://localhost:" + port + "/t/v2.0")).isTrue();
            assertThat(lab.cloud().partnerCenterResource()).isEqualTo("https://api.partnercenter.lab.test");
            assertThat(lab.cloud().partnerCenterApi()).startsWith("https://localhost:");
            assertThat(lab.cloud().loginSrf()).isEqualTo(lab.addresses().loginSrf());
        }
    }

    @Test
    void startWritesTheCaFileAndStopReleasesThePortsAndTheWorkDirectory() throws Exception {
        Lab lab = Lab.builder().start();
        Path ca = lab.caCertificateFile();
        assertThat(Files.readString(ca)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(lab.spkiPin()).matches("[A-Za-z0-9+/]{43}=");
        int port = lab.hostMap().get("login.lab.test").getPort();
        long t0 = System.nanoTime();
        lab.close();
        long stopMs = (System.nanoTime() - t0) / 1_000_000;
        lab.close();
        assertThat(Files.exists(ca)).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(java.io.IOException.class);
        // A figure for the report, not an assertion: start (warm JVM) and stop times.
        long t1 = System.nanoTime();
        try (Lab again = Lab.builder().start()) {
            System.out.printf("lab start %d ms (measured inside start: %d ms), stop %d ms%n",
                    (System.nanoTime() - t1) / 1_000_000, again.startupMillis(), stopMs);
        }
    }

    @Test
    void usersAreExposedWithTheirSecretsButNeverPrintThem() {
        try (Lab lab = Lab.builder().start()) {
            LabUser u = lab.user("otp@managed.lab.test").orElseThrow();
            assertThat(u.password()).isNotBlank();
            assertThat(u.totpSeed()).isNotBlank();
            assertThat(u.toString()).doesNotContain(u.password()).doesNotContain(u.totpSeed());
            assertThat(lab.users()).extracting(LabUser::upn).contains("user@wsfed-claim-enforce.lab.test");
        }
    }
}
