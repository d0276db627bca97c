package org.opsbench.rest.tests;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Small HTTP helpers over {@link RestRuntime}. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final RestRuntime runtime;

    Http(RestRuntime runtime) {
        this.runtime = runtime;
    }

    /** A request builder for {@code path}, with {@code token} as bearer (none when null). */
    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(runtime.uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET().build());
    }

    HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = request(path, token);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return runtime.client().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Logs {@code login} in through the API and returns the session token. */
    String session(String login) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/session", null,
                "{\"login\":\"" + login + "\",\"password\":\"" + RestRuntime.PASSWORD + "\"}");
        if (r.statusCode() != 201) {
            throw new AssertionError("login of " + login + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("token").asText();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
