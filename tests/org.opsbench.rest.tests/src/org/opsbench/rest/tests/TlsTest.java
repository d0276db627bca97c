package org.opsbench.rest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.security.SecretStore;

/**
 * TLS with a key store made by {@code keytool}: its password comes from the secret store by alias; HTTPS answers with
 * the certificate, plain HTTP on the port does not.
 */
class TlsTest {

    @RegisterExtension
    static final RestRuntime RUNTIME = new RestRuntime();

    @AfterAll
    static void plainAgain() throws Exception {
        RUNTIME.configure(Map.of(), HttpClient.newHttpClient(), "http");
    }

    @Test
    void httpsServesWithTheConfiguredKeyStoreAndPlainHttpIsOff() throws Exception {
        Path dir = Files.createTempDirectory("opsbench-tls-");
        Path store = dir.resolve("server.p12");
        String password = "store-pass-" + System.nanoTime();
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize",
                "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", password, "-keypass", password).redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), output);

        SecretStore secrets = RUNTIME.service(SecretStore.class);
        secrets.store(RUNTIME.admin(), "rest.tls", SecretStore.Kind.PASSWORD, "REST key store",
                password.getBytes(StandardCharsets.UTF_8));

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            trust.load(in, password.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();

        RUNTIME.configure(Map.of("tlsKeyStore", store.toString(), "tlsKeyStoreType", "PKCS12",
                "tlsKeyStorePasswordAlias", "rest.tls"), client, "https");
        HttpResponse<String> live = client.send(HttpRequest.newBuilder(RUNTIME.uri("/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode());
        String token = new Http(RUNTIME).session("operator1");
        assertEquals(200, new Http(RUNTIME).get("/api/v1/probes", token).statusCode());

        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI http = URI.create("http://127.0.0.1:" + RUNTIME.port() + "/health/live");
        assertThrows(IOException.class, () -> {
            HttpResponse<String> r = plain.send(HttpRequest.newBuilder(http).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("plain HTTP refused with " + r.statusCode());
            }
        });
    }
}
