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
 * TLS with a key store made by {@code keytool}: its password comes from the secret store by alias, or from a file
 * reference; HTTPS answers with the certificate, plain HTTP on the port does not.
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
        String password = "store-pass-" + System.nanoTime();
        Path store = keyStore(password);
        SecretStore secrets = RUNTIME.service(SecretStore.class);
        secrets.store(RUNTIME.admin(), "rest.tls", SecretStore.Kind.PASSWORD, "REST key store",
                password.getBytes(StandardCharsets.UTF_8));
        HttpClient client = trusting(store, password);

        RUNTIME.configure(Map.of("tlsKeyStore", store.toString(), "tlsKeyStoreType", "PKCS12",
                "tlsKeyStorePasswordAlias", "rest.tls"), client, "https");
        assertServesHttpsOnly(client);
    }

    @Test
    void theKeyStorePasswordCanComeFromAFileReference() throws Exception {
        String password = "file-pass-" + System.nanoTime();
        Path store = keyStore(password);
        Path file = store.resolveSibling("keystore-password");
        Files.writeString(file, password + "\n");
        HttpClient client = trusting(store, password);

        RUNTIME.configure(Map.of("tlsKeyStore", store.toString(), "tlsKeyStoreType", "PKCS12",
                "tlsKeyStorePasswordReference", "file:" + file), client, "https");
        assertServesHttpsOnly(client);
    }

    private static void assertServesHttpsOnly(HttpClient client) throws Exception {
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

    /** A PKCS12 key store for 127.0.0.1 made by keytool, in a new folder. */
    private static Path keyStore(String password) throws Exception {
        Path dir = Files.createTempDirectory("opsbench-tls-");
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize",
                "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", password, "-keypass", password).redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), output);
        return store;
    }

    /** An HTTPS client that trusts the certificate in {@code store}. */
    private static HttpClient trusting(Path store, String password) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            trust.load(in, password.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
