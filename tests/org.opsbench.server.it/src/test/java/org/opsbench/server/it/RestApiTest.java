package org.opsbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built server product serves the REST API on the loopback port its {@code etc/org.opsbench.rest.cfg} names:
 * readiness anonymously, a list of problems only with a session from the initial admin's login. ConfigAdmin keeps its
 * state per workspace, so a second workspace's configuration is its own.
 */
class RestApiTest {

    @RegisterExtension
    final ServerProduct product = new ServerProduct();

    @TempDir
    Path dir;

    @Test
    void theServerAnswersReadinessAndAnAuthenticatedCallOverHttp() throws Exception {
        int port = freePort();
        Path etc = dir.resolve("workspace/etc");
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("org.opsbench.rest.cfg"), "port=" + port + "\n");
        RunningServer server = product.start(dir);
        assertEquals("true", server.awaitReport().getProperty("ready"), server.output());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;

        HttpResponse<String> ready = awaitAnswer(client, base + "/health/ready", server);
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\":{\"status\":\"UP\"}"), ready.body());

        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/problems"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), anonymous.body());

        String password = Files.readString(server.workspace().resolve("security/initial-admin-password")).strip();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"admin\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, login.statusCode(), login.body());
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(login.body());
        assertTrue(token.find(), login.body());
        HttpResponse<String> problems = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/problems"))
                .header("Authorization", "Bearer " + token.group(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, problems.statusCode(), problems.body());
        assertTrue(problems.body().contains("\"items\":[]"), problems.body());
    }

    @Test
    void eachWorkspaceHasItsOwnRestConfiguration() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String name : new String[]{"first", "second"}) {
            int port = freePort();
            Path etc = dir.resolve(name).resolve("workspace/etc");
            Files.createDirectories(etc);
            Files.writeString(etc.resolve("org.opsbench.rest.cfg"), "port=" + port + "\n");
            RunningServer server = product.start(dir.resolve(name));
            assertEquals("true", server.awaitReport().getProperty("ready"), server.output());
            HttpResponse<String> live = awaitAnswer(client, "http://127.0.0.1:" + port + "/health/live", server);
            assertEquals(200, live.statusCode(), name + " workspace: " + live.body());
            assertEquals("port=" + port + "\n", Files.readString(etc.resolve("org.opsbench.rest.cfg")),
                    "the configuration file stays as written");
            server.terminate();
        }
    }

    /** The first answer of {@code url}; the API listens shortly after the start-up report (bounded wait). */
    private static HttpResponse<String> awaitAnswer(HttpClient client, String url, RunningServer server)
            throws Exception {
        long deadline = System.nanoTime() + RunningServer.LIMIT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        StringBuilder configs = new StringBuilder();
        try (var files = Files.walk(server.workspace().resolve(".server-data"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".config")).toList()) {
                configs.append(f).append(":\n").append(Files.readString(f)).append('\n');
            }
        }
        throw new AssertionError("no answer from " + url + ": " + last + server.output() + "\n--- log ---\n"
                + (Files.exists(server.log()) ? Files.readString(server.log()) : "(none)") + "\n--- configs ---\n"
                + configs);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
