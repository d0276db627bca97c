package org.opsbench.rest.areas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;

import org.opsbench.core.Principal;
import org.opsbench.security.ApiTokens;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real REST runtime of the test framework (bundle {@code org.opsbench.rest} on the Felix HTTP Jetty whiteboard) on
 * a free loopback port, with the security area's real {@code ApiAuthenticator}; calls with bearer tokens issued by
 * {@link ApiTokens}. One runtime per test JVM. (The runtime's own fixture lives in its test bundle, which exports
 * nothing and replaces the token store with a test double; this one keeps the real one.)
 */
final class HttpApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static HttpApi running;

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpApi(int port) {
        this.port = port;
    }

    /** The runtime, configured and serving its resources ({@code /health/ready}). */
    static synchronized HttpApi start() throws Exception {
        if (running == null) {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Hashtable<String, Object> rest = new Hashtable<>();
            rest.put("address", "127.0.0.1");
            rest.put("port", port);
            rest.put("maxFailures", 1000);
            Areas.service(ConfigurationAdmin.class).getConfiguration("org.opsbench.rest", "?").update(rest);
            HttpApi api = new HttpApi(port);
            api.awaitLive();
            running = api;
        }
        return running;
    }

    private void awaitLive() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                // the Jakarta REST whiteboard deploys its servlet some time after the runtime's own
                if (get("/health/ready", null).body().contains("\"resources\":{\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("the REST API did not serve its resources on " + uri("/health/ready"));
    }

    /** A bearer token of {@code user} for a day, issued through the real token service. */
    static String token(Principal user, String label) throws Exception {
        return Areas.service(ApiTokens.class)
                .issue(Areas.OPS, user.name(), label, Instant.now().plus(Duration.ofDays(1))).secret();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        return send(client, method, path, token, json);
    }

    /** As {@link #send(String, String, String, String)} with a client of its own (a new connection). */
    HttpResponse<String> sendOnNewConnection(String method, String path, String token, String json) throws Exception {
        try (HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            return send(fresh, method, path, token, json);
        }
    }

    private HttpResponse<String> send(HttpClient with, String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return with.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON body of {@code r}, after asserting its status. */
    static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.request().method() + " " + r.uri() + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Asserts an RFC 9457 problem of {@code status} whose detail contains {@code detailPart}; returns its body. */
    static JsonNode problem(HttpResponse<String> r, int status, String detailPart) throws Exception {
        JsonNode body = json(r, status);
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.get("detail").asText().contains(detailPart), body.toString());
        assertFalse(r.body().contains("Exception"), "no exception names in " + r.body());
        return body;
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
