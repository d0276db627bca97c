package org.opsbench.rest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.rest.internal.openapi.ResourceDocs;
import org.opsbench.rest.internal.openapi.Route;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAPI document against the running endpoints: every registered resource method is documented, and every
 * documented operation called with valid input answers its documented success status with a body matching the
 * documented schema.
 */
class OpenApiContractTest {

    @RegisterExtension
    static final RestRuntime RUNTIME = new RestRuntime();
    private static String token;
    private static JsonNode doc;
    private final Http http = new Http(RUNTIME);

    @BeforeAll
    static void fetchDocument() throws Exception {
        token = new Http(RUNTIME).session("operator1");
        HttpResponse<String> r = new Http(RUNTIME).get("/api/v1/openapi.json", token);
        assertEquals(200, r.statusCode(), r.body());
        doc = Http.json(r);
    }

    @Test
    void theDocumentIsOpenApi31WithBearerSecurity() {
        assertEquals("3.1.0", doc.get("openapi").asText());
        assertEquals("bearer", doc.get("components").get("securitySchemes").get("bearer").get("scheme").asText());
        assertTrue(doc.get("paths").has("/api/v1/session"));
        assertTrue(doc.get("paths").has("/metrics"));
    }

    @Test
    void everyRegisteredResourceMethodIsDocumented() throws Exception {
        List<Route> routes = RUNTIME.service(ResourceDocs.class).routes();
        assertTrue(routes.size() >= 6, "the test resource's routes: " + routes);
        for (Route route : routes) {
            JsonNode op = doc.get("paths").path(route.template()).path(route.httpMethod().toLowerCase());
            assertTrue(op.isObject(), route.httpMethod() + " " + route.template() + " is documented");
            assertEquals(route.operationId(), op.get("operationId").asText());
            for (String name : route.parameterNames()) {
                boolean found = false;
                for (JsonNode p : op.path("parameters")) {
                    found |= p.get("name").asText().equals(name) && p.get("in").asText().equals("path");
                }
                assertTrue(found, "path parameter " + name + " of " + route.template());
            }
        }
    }

    @Test
    void theRequestSchemaDescribesTheRecordBody() {
        JsonNode schema = doc.get("components").get("schemas").get("NewProbe");
        assertEquals(List.of("intervalSeconds"), toList(schema.get("required")));
        assertEquals("false", schema.get("additionalProperties").asText());
        assertEquals(List.of("PING", "TCP"), toList(doc.get("components").get("schemas").get("NewProbe")
                .get("properties").get("kind").get("enum")));
        JsonNode list = doc.get("paths").get("/api/v1/probes").get("get");
        boolean limit = false;
        for (JsonNode p : list.get("parameters")) {
            if (p.get("name").asText().equals("limit")) {
                limit = p.get("schema").get("default").asInt() == 50 && p.get("schema").get("maximum").asInt() == 500;
            }
        }
        assertTrue(limit, "limit documented with default 50 and maximum 500: " + list);
    }

    @Test
    void everyDocumentedOperationAnswersItsDocumentedStatusAndSchema() throws Exception {
        String body = "{\"name\":\"contract\",\"intervalSeconds\":10,\"kind\":\"TCP\",\"tags\":[\"a\"]}";
        String update = "{\"name\":\"contract 2\",\"intervalSeconds\":20,\"kind\":\"PING\",\"tags\":[]}";
        // valid calls, in an order that creates what later ones use; {id} is filled with the created probe
        List<String[]> calls = List.of(new String[]{"post", "/api/v1/probes", body},
                new String[]{"get", "/api/v1/probes", null}, new String[]{"get", "/api/v1/probes/{id}", null},
                new String[]{"put", "/api/v1/probes/{id}", update},
                new String[]{"delete", "/api/v1/probes/{id}", null},
                new String[]{"get", "/health/live", null}, new String[]{"get", "/health/ready", null},
                new String[]{"get", "/api/v1/openapi.json", null}, new String[]{"get", "/metrics", null},
                new String[]{"post", "/api/v1/session", "{\"login\":\"viewer1\",\"password\":\""
                        + RestRuntime.PASSWORD + "\"}"},
                new String[]{"delete", "/api/v1/session", null});
        SchemaCheck check = new SchemaCheck(doc);
        String id = null;
        List<String> covered = new ArrayList<>();
        for (String[] call : calls) {
            JsonNode op = doc.get("paths").get(call[1]).get(call[0]);
            String path = id == null ? call[1] : call[1].replace("{id}", id);
            String auth = call[1].equals("/api/v1/session") && call[0].equals("delete")
                    ? http.session("viewer1")
                    : token;
            HttpResponse<String> r = http.send(call[0].toUpperCase(), path, auth, call[2]);
            String success = null;
            for (Iterator<String> statuses = op.get("responses").fieldNames(); statuses.hasNext();) {
                String s = statuses.next();
                if (s.startsWith("2") && (success == null || s.compareTo(success) < 0)) {
                    success = s;
                }
            }
            assertEquals(Integer.parseInt(success), r.statusCode(), call[0] + " " + path + ": " + r.body());
            JsonNode content = op.get("responses").get(success).path("content");
            if (content.has("application/json")) {
                JsonNode value = Http.json(r);
                List<String> violations = check.violations(value, content.get("application/json").get("schema"));
                assertTrue(violations.isEmpty(), call[0] + " " + path + ": " + violations + " in " + r.body());
                if (call[1].equals("/api/v1/probes") && call[0].equals("post")) {
                    id = value.get("id").asText();
                }
            }
            covered.add(call[0] + " " + call[1]);
        }
        // the deliberate failure is the only runtime or test-resource operation not called with valid input here;
        // the areas' operations are called by everyAreaOperationAnswersADocumentedStatusWithItsSchema
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String op = methods.next() + " " + path.getKey();
                if (!op.endsWith("/explode") && !isArea(path.getKey())) {
                    assertTrue(covered.contains(op), op + " is exercised by this test");
                }
            }
        }
    }

    @Test
    void errorAnswersMatchTheProblemSchema() throws Exception {
        SchemaCheck check = new SchemaCheck(doc);
        JsonNode problemSchema = doc.get("components").get("schemas").get("Problem");
        for (HttpResponse<String> r : List.of(http.get("/api/v1/probes/none", token),
                http.get("/api/v1/probes", null), http.get("/api/v1/probes?limit=0", token))) {
            assertTrue(check.violations(Http.json(r), problemSchema).isEmpty(), r.body());
            String status = Integer.toString(r.statusCode());
            assertTrue(doc.get("paths").get("/api/v1/probes").get("get").get("responses").has(status)
                    || status.equals("404"), "status " + status + " is documented");
        }
    }

    @Test
    void everyAreaOperationAnswersADocumentedStatusWithItsSchema() throws Exception {
        for (String area : List.of("/api/v1/hosts", "/api/v1/problems", "/api/v1/tickets", "/api/v1/changes",
                "/api/v1/cis", "/api/v1/backup/jobs", "/api/v1/audit", "/api/v1/tokens")) {
            assertTrue(doc.get("paths").has(area), area + " is documented: " + toList(fieldNames(doc.get("paths"))));
        }
        String admin = RUNTIME.tokens().issue("admin");
        Examples examples = new Examples(doc);
        SchemaCheck check = new SchemaCheck(doc);
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!isArea(path.getKey())) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> entry = ops.next();
                String method = entry.getKey().toUpperCase();
                JsonNode op = entry.getValue();
                boolean parameterised = path.getKey().contains("{");
                String target = path.getKey().replaceAll("\\{[^}]+}", "no-such-1");
                String body = examples.body(op);
                String what = method + " " + target + " " + body;
                HttpResponse<String> anonymous = http.send(method, target, null, body);
                assertEquals(401, anonymous.statusCode(), what + ": " + anonymous.body());
                assertTrue(op.get("responses").has("401"), what + " documents 401");
                HttpResponse<String> r = http.send(method, target, admin, body);
                String status = Integer.toString(r.statusCode());
                assertTrue(op.get("responses").has(status), what + " answered the undocumented " + status + ": "
                        + r.body());
                if (method.equals("GET") && !parameterised) {
                    assertEquals(200, r.statusCode(), what + ": a list answers: " + r.body());
                }
                JsonNode content = op.get("responses").get(status).path("content");
                for (String type : List.of("application/json", "application/problem+json")) {
                    if (content.has(type)) {
                        List<String> violations = check.violations(Http.json(r), content.get(type).get("schema"));
                        assertTrue(violations.isEmpty(), what + ": " + violations + " in " + r.body());
                    }
                }
                operations++;
            }
        }
        assertTrue(operations >= 20, "the areas' operations: " + operations);
    }

    /** A path of an area's resources (not the runtime's own, nor the test resource). */
    private static boolean isArea(String path) {
        return path.startsWith("/api/v1/") && !path.startsWith("/api/v1/probes") && !path.equals("/api/v1/session")
                && !path.equals("/api/v1/openapi.json");
    }

    private static JsonNode fieldNames(JsonNode object) {
        com.fasterxml.jackson.databind.node.ArrayNode names = Http.JSON.createArrayNode();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
