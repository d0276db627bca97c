package org.opsbench.rest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.rest.Health;
import org.opsbench.rest.HealthIndicator;
import org.opsbench.rest.MetricsSource;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /health/*} and {@code /metrics}: JVM and HTTP figures, metric sources and health indicators as services. */
class OperationsTest {

    @RegisterExtension
    static final RestRuntime RUNTIME = new RestRuntime();
    private static String token;
    private final Http http = new Http(RUNTIME);

    @BeforeAll
    static void logIn() throws Exception {
        token = new Http(RUNTIME).session("operator1");
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        http.get("/api/v1/probes", token);
        http.get("/api/v1/probes/none", token);
        HttpResponse<String> r = http.get("/metrics", token);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String text = r.body();
        for (String name : new String[]{"jvm_memory_heap_used_bytes", "jvm_threads_live", "jvm_gc_collections_total",
                "process_uptime_seconds", "opsbench_rest_sessions", "opsbench_db_pool_connections_active",
                "opsbench_db_pool_connections_idle", "opsbench_db_pool_connections_max",
                "opsbench_db_pool_waiting_callers"}) {
            assertTrue(text.contains("# TYPE " + name + " "), name + " in\n" + text);
        }
        assertTrue(Pattern.compile("(?m)^opsbench_http_requests_total\\{(?=.*route=\"/api/v1/probes/\\{id\\}\")"
                + "(?=.*status=\"404\")(?=.*method=\"GET\").*\\} 1$").matcher(text).find(), text);
        assertTrue(text.contains("# TYPE opsbench_http_request_duration_seconds histogram"));
        assertTrue(text.contains("opsbench_db_pool_connections_max{pool=\"default\"} 8"), "the default poolSize: "
                + text);
        assertTrue(Pattern.compile(
                "opsbench_http_request_duration_seconds_bucket\\{route=\"/api/v1/probes\",le=\"\\+Inf\"\\} \\d+")
                .matcher(text).find(), text);
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("#") || line.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*\\})? [-+0-9.eEInfNa]+"),
                    "a valid sample line: " + line);
        }
    }

    @Test
    void aMetricsSourceServiceAddsItsFigures() throws Exception {
        ServiceRegistration<MetricsSource> reg = RUNTIME.context().registerService(MetricsSource.class,
                sink -> sink.gauge("opsbench_test_queue_depth", "Queued test items", Map.of("queue", "a\"b"), 7),
                null);
        try {
            String text = http.get("/metrics", token).body();
            assertTrue(text.contains("opsbench_test_queue_depth{queue=\"a\\\"b\"} 7"), text);
        } finally {
            reg.unregister();
        }
        assertTrue(!http.get("/metrics", token).body().contains("opsbench_test_queue_depth"), "gone with its service");
    }

    @Test
    void readinessFollowsTheDatabaseAndEveryIndicator() throws Exception {
        HttpResponse<String> ready = http.get("/health/ready", token);
        assertEquals(200, ready.statusCode(), ready.body());
        JsonNode body = Http.json(ready);
        assertEquals("UP", body.get("status").asText());
        assertEquals("UP", body.get("checks").get("database").get("status").asText());
        assertEquals("UP", body.get("checks").get("authentication").get("status").asText(),
                "an authenticator is bound");
        assertEquals("UP", body.get("checks").get("resources").get("status").asText(),
                "the Jakarta REST whiteboard serves the resources");
        ServiceRegistration<HealthIndicator> reg = RUNTIME.context().registerService(HealthIndicator.class,
                new HealthIndicator() {
                    @Override
                    public String name() {
                        return "scheduler";
                    }

                    @Override
                    public Health check() {
                        return Health.down("scheduler stopped");
                    }
                }, null);
        try {
            HttpResponse<String> down = http.get("/health/ready", token);
            assertEquals(503, down.statusCode(), down.body());
            JsonNode checks = Http.json(down).get("checks");
            assertEquals("scheduler stopped", checks.get("scheduler").get("detail").asText());
            assertEquals(200, http.get("/health/live", null).statusCode(), "liveness does not follow readiness");
        } finally {
            reg.unregister();
        }
        assertEquals(200, http.get("/health/ready", token).statusCode());
    }
}
