package org.opsbench.rest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** Every class of bad input gets a 4xx problem details body naming the field or place, never a stack trace. */
class ProblemDetailsTest {

    @RegisterExtension
    static final RestRuntime RUNTIME = new RestRuntime(Map.of("maxBodyBytes", 4096L));
    private static String token;
    private final Http http = new Http(RUNTIME);

    @BeforeAll
    static void logIn() throws Exception {
        token = new Http(RUNTIME).session("operator1");
    }

    private JsonNode problem(HttpResponse<String> r, int status, String detailPart, String field) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode body = Http.json(r);
        assertEquals("about:blank", body.get("type").asText());
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.get("title").asText().length() > 2);
        assertTrue(body.get("detail").asText().contains(detailPart), "detail of " + body);
        if (field == null) {
            assertFalse(body.has("field"), body.toString());
        } else {
            assertEquals(field, body.get("field").asText(), body.toString());
        }
        assertFalse(r.body().contains("\tat ") || r.body().contains("Exception"), "no stack trace: " + r.body());
        return body;
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send("POST", "/api/v1/probes", token, json);
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws Exception {
        problem(post("{\"name\": \"a\",\n \"intervalSeconds\": }"), 400, "malformed JSON (line 2", null);
        problem(post("{\"name\": \"a\""), 400, "JSON", null);
        problem(post("[1,2]"), 400, "the body must be an object", null);
        problem(post("{\"name\":\"a\",\"intervalSeconds\":5,\"kind\":\"PING\"} trailing"), 400, "JSON", null);
    }

    @Test
    void wrongTypesNameTheField() throws Exception {
        problem(post("{\"name\":\"a\",\"intervalSeconds\":\"often\",\"kind\":\"PING\"}"), 400,
                "'intervalSeconds' must be an integer", "intervalSeconds");
        problem(post("{\"name\":\"a\",\"intervalSeconds\":5,\"kind\":\"SNMP\"}"), 400,
                "'kind' must be one of PING, TCP", "kind");
        problem(post("{\"name\":\"a\",\"intervalSeconds\":5,\"kind\":\"PING\",\"tags\":\"x\"}"), 400,
                "'tags' must be an array", "tags");
        problem(post("{\"name\":{\"x\":1},\"intervalSeconds\":5,\"kind\":\"PING\"}"), 400, "'name' must be a string",
                "name");
    }

    @Test
    void unknownFieldsAreRefusedByName() throws Exception {
        problem(post("{\"name\":\"a\",\"intervalSeconds\":5,\"kind\":\"PING\",\"colour\":\"red\"}"), 400,
                "unknown field 'colour'", "colour");
    }

    @Test
    void missingAndInvalidFieldsAreNamed() throws Exception {
        problem(post("{\"name\":\"a\",\"kind\":\"PING\"}"), 400, "intervalSeconds", "intervalSeconds");
        problem(post("{\"intervalSeconds\":5,\"kind\":\"PING\"}"), 400, "name must not be blank", "name");
        problem(post("{\"name\":\"a\",\"intervalSeconds\":0,\"kind\":\"PING\"}"), 400,
                "intervalSeconds must be 1-86400",
                "intervalSeconds");
        problem(http.send("POST", "/api/v1/probes", token, "null"), 400, "JSON object", null);
    }

    @Test
    void oversizedBodiesGet413() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(5000) + "\",\"intervalSeconds\":5,\"kind\":\"PING\"}";
        problem(post(big), 413, "larger than 4096 bytes", null);
    }

    @Test
    void aBodyInAnotherContentTypeGets415() throws Exception {
        HttpRequest r = http.request("/api/v1/probes", token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=a")).build();
        problem(http.send(r), 415, "Content-Type: application/json", null);
        problem(http.send("POST", "/api/v1/probes", token, null), 400, "body is required", null);
    }

    @Test
    void unknownPathsGet404AndWrongMethods405WithAllow() throws Exception {
        problem(http.get("/api/v1/nothing-here", token), 404, "no resource at /api/v1/nothing-here", null);
        problem(http.get("/", token), 404, "no resource", null);
        HttpResponse<String> r = http.send("PATCH", "/api/v1/probes", token, "{}");
        problem(r, 405, "PATCH is not allowed", null);
        assertEquals("GET, POST", r.headers().firstValue("Allow").orElse(""));
        problem(http.send("POST", "/health/live", null, null), 405, "allowed: GET", null);
        // Jetty refuses a NUL in its request parser and then closes the connection without saying so: a client of
        // its own, so that the shared one never reuses the closed connection for the next test
        int nul;
        try (java.net.http.HttpClient own = java.net.http.HttpClient.newHttpClient()) {
            nul = own.send(http.request("/api/v1/probes/%00", token).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertTrue(nul >= 400 && nul < 500, "a NUL in the path is a client error, was " + nul);
    }

    @Test
    void badQueryParametersAreNamed() throws Exception {
        problem(http.get("/api/v1/probes?limit=abc", token), 400, "'limit' must be a number", "limit");
        problem(http.get("/api/v1/probes?limit=501", token), 400, "limit must be 1-500", "limit");
        problem(http.get("/api/v1/probes?offset=-1", token), 400, "offset must be 0 or more", "offset");
        problem(http.get("/api/v1/probes?kind=udp", token), 400, "'kind' must be one of PING, TCP", "kind");
    }

    @Test
    void serviceExceptionsMapTo404And409() throws Exception {
        problem(http.get("/api/v1/probes/p999999", token), 404, "no probe p999999", null);
        HttpResponse<String> created = post("{\"name\":\"twice\",\"intervalSeconds\":5,\"kind\":\"TCP\"}");
        assertEquals(201, created.statusCode(), created.body());
        String id = Http.json(created).get("id").asText();
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/probes/" + id), location);
        assertEquals(200, http.get(URI.create(location).getPath(), token).statusCode(),
                "the Location names the new probe");
        problem(post("{\"name\":\"twice\",\"intervalSeconds\":5,\"kind\":\"TCP\"}"), 409, "a probe named twice exists",
                null);
    }

    @Test
    void anUnexpectedErrorIs500WithAnIdAndNoInternals() throws Exception {
        HttpResponse<String> r = http.send("POST", "/api/v1/probes/p1/explode", token, null);
        JsonNode body = problem(r, 500, "quote error id", null);
        assertTrue(body.get("errorId").asText().matches("[0-9a-f-]{36}"), body.toString());
        assertTrue(body.get("detail").asText().contains(body.get("errorId").asText()));
        assertFalse(r.body().contains("secret internals") || r.body().contains("line 42"), r.body());
    }

    @Test
    void pagingAnswersTheRequestedSlice() throws Exception {
        JsonNode page = Http.json(http.get("/api/v1/probes?offset=10&limit=5&kind=PING", token));
        assertEquals(5, page.get("items").size());
        assertEquals(10, page.get("offset").asInt());
        assertEquals(5, page.get("limit").asInt());
        assertTrue(page.get("total").asLong() >= 30, page.toString());
        page.get("items").forEach(i -> assertEquals("PING", i.get("kind").asText()));
        assertTrue(page.get("items").get(0).get("createdAt").asText().endsWith("Z"), "ISO-8601 instants");
    }
}
